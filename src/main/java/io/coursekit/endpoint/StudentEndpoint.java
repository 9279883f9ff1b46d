package io.coursekit.endpoint;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A student's deployed endpoint and how to log in to it.
 *
 * @param user     the ACL user; the default user when empty
 * @param password empty when the endpoint is reached without a password
 * @param caFile   a PEM file of certificates to trust besides the JVM's own
 */
public record StudentEndpoint(EndpointAddress address, Optional<String> user, Optional<String> password,
                              Optional<Path> caFile) {

    @Override
    public String toString() {
        return address + user.map(u -> " as " + u).orElse("");
    }
}
