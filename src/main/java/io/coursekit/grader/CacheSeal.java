package io.coursekit.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each file the grader loads code from out of its cache (libraries, a compiled lab's jars, class
 * archives), written beside it when the file is made and compared before it is used: a file changed since, by
 * whatever means, is thrown away and made again instead of being trusted. Sealed files are readable by all and
 * writable by their owner only, since a sandbox may run as a user of its own.
 */
final class CacheSeal {
    private static final String SUFFIX = ".sha256";
    /** Verified once per process for each version of a file. */
    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private CacheSeal() {
    }

    /** Seals {@code written}, which is about to become {@code file}. */
    static void seal(Path written, Path file) throws IOException {
        Path seal = file.resolveSibling(file.getFileName() + SUFFIX);
        Files.writeString(seal, sha256(written), StandardCharsets.US_ASCII);
        readableByAll(written);
        readableByAll(seal);
    }

    /** Whether {@code file} has the content it was sealed with; false when it was never sealed. */
    static boolean intact(Path file) {
        try {
            String key = file.toAbsolutePath() + "@" + Files.size(file) + "@" + Files.getLastModifiedTime(file);
            return VERIFIED.computeIfAbsent(key, k -> {
                try {
                    Path seal = file.resolveSibling(file.getFileName() + SUFFIX);
                    return Files.isRegularFile(seal) && Files.readString(seal, StandardCharsets.US_ASCII).strip()
                            .equals(sha256(file));
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** Forgets the file and its seal. */
    static void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + SUFFIX));
    }

    static void readableByAll(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: no other users to read it
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
