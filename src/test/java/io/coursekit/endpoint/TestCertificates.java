package io.coursekit.endpoint;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway certificate authority and a server certificate signed by it, made with the openssl command.
 *
 * @param ca the CA certificate a client must be told to trust
 */
record TestCertificates(Path ca, Path serverCert, Path serverKey) {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    /** @param subjectAltName whom the server certificate is for, such as {@code IP:127.0.0.1} */
    static TestCertificates make(Path dir, String subjectAltName) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "skipped: " + OPENSSL + " is not installed to make test certificates");
        Path ca = dir.resolve("ca.crt");
        Path caKey = dir.resolve("ca.key");
        Path request = dir.resolve("server.csr");
        Path serverCert = dir.resolve("server.crt");
        Path serverKey = dir.resolve("server.key");
        Path extensions = Files.writeString(dir.resolve("server.ext"), "subjectAltName=" + subjectAltName + "\n");
        String curve = "ec_paramgen_curve:prime256v1";
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-days", "2",
                "-subj", "/CN=coursekit test CA", "-keyout", caKey.toString(), "-out", ca.toString());
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-subj", "/CN=coursekit test server",
                "-keyout", serverKey.toString(), "-out", request.toString());
        openssl(dir, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(), "-out", serverCert.toString());
        return new TestCertificates(ca, serverCert, serverKey);
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
