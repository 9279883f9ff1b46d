package io.coursekit.endpoint;

import io.coursekit.UserError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A student's deployed endpoint and how to log in to it.
 *
 * @param user     the ACL user; the default user when empty
 * @param password empty when the endpoint is reached without a password
 * @param caFile   a PEM file of certificates to trust besides the JVM's own
 */
public record StudentEndpoint(EndpointAddress address, Optional<String> user, Optional<String> password,
                              Optional<Path> caFile) {

    /**
     * The password held by the environment variable {@code variable}, never given on a command line or in a file.
     *
     * @param namedBy how the user named the variable, for the message: {@code --password-env}, a CSV column
     */
    public static String password(String variable, String namedBy, Function<String, String> environment) {
        String password = environment.apply(variable);
        if (password == null || password.isEmpty()) {
            throw new UserError(namedBy + " " + variable + ": that environment variable is not set or empty");
        }
        return password;
    }

    /** The {@code --ca-file} to trust, once it is known to be readable. */
    public static Path caFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new UserError("--ca-file " + file + ": no readable file there");
        }
        return file;
    }

    @Override
    public String toString() {
        return address + user.map(u -> " as " + u).orElse("");
    }
}
