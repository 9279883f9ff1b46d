package io.coursekit.grader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The libraries check code may see: coursekit itself (the runner, {@code LabRedis}), JUnit, Lettuce and its
 * Netty and Reactor, Jackson. From the runnable jar that is the jar; from a build tree it is the matching
 * entries of the class path, which test runners may hide behind a manifest-only jar.
 */
final class CheckClasspath {
    private static final List<String> LIBRARIES = List.of("lettuce-core", "redis-authx", "netty-", "reactor-core",
            "reactive-streams", "jackson-core", "jackson-databind", "jackson-annotations", "junit-", "opentest4j",
            "apiguardian", "slf4j-");

    private CheckClasspath() {
    }

    static List<Path> libraries() {
        Path coursekit = codeSource();
        if (Files.isRegularFile(coursekit)) {
            return List.of(coursekit);
        }
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(coursekit);
        for (Path entry : classPath()) {
            String name = entry.getFileName().toString();
            if (name.endsWith(".jar") && LIBRARIES.stream().anyMatch(name::startsWith)) {
                paths.add(entry);
            }
        }
        return List.copyOf(paths);
    }

    private static Path codeSource() {
        try {
            return Path.of(CheckClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate coursekit's own classes", e);
        }
    }

    private static List<Path> classPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            entries.add(path);
            if (path.toString().endsWith(".jar") && Files.isRegularFile(path)) {
                entries.addAll(manifestClassPath(path));
            }
        }
        return entries;
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return List.of();
            }
            List<Path> entries = new ArrayList<>();
            for (String item : classPath.trim().split("\\s+")) {
                entries.add(item.startsWith("file:") ? Path.of(URI.create(item)) : jar.resolveSibling(item).normalize());
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
    }
}
