package io.coursekit.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The libraries check code may see: coursekit itself (the runner, {@code LabRedis}), JUnit, Lettuce and its
 * Netty and Reactor, Jackson. From a build tree they are the matching entries of the class path, which test runners
 * may hide behind a manifest-only jar. From the runnable jar they are its matching packages, copied once into a jar
 * of their own in the cache: a third of its entries, so compiling a submission and starting a check JVM do not
 * index the site builder, Testcontainers and the web assets every time.
 */
final class CheckClasspath {
    private static final List<String> LIBRARIES = List.of("lettuce-core", "redis-authx", "netty-", "reactor-core",
            "reactive-streams", "jackson-core", "jackson-databind", "jackson-annotations", "junit-", "opentest4j",
            "apiguardian", "slf4j-");
    /** The same libraries as packages of the runnable jar. */
    private static final List<String> PACKAGES = List.of("io/coursekit/", "io/lettuce/", "redis/clients/", "io/netty/",
            "reactor/", "org/reactivestreams/", "com/fasterxml/jackson/core/", "com/fasterxml/jackson/databind/",
            "com/fasterxml/jackson/annotation/", "org/junit/", "org/opentest4j/", "org/apiguardian/", "org/slf4j/");
    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/\\d+/(.*)");
    private static final String SERVICES = "META-INF/services/";

    private CheckClasspath() {
    }

    /** @param cache where the runnable jar's libraries are kept as a jar of their own */
    static List<Path> libraries(Path cache) {
        Path coursekit = codeSource();
        if (Files.isRegularFile(coursekit)) {
            return List.of(librariesOf(coursekit, cache));
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

    private static Path librariesOf(Path runnableJar, Path cache) {
        try {
            Path libraries = cache.resolve("check-libraries-" + Long.toHexString(Files.size(runnableJar)) + "-"
                    + Long.toHexString(Files.getLastModifiedTime(runnableJar).toMillis()) + ".jar");
            if (!Files.isRegularFile(libraries)) {
                Files.createDirectories(cache);
                Path writing = Files.createTempFile(cache, "check-libraries-", ".tmp");
                try {
                    copyLibraries(runnableJar, writing);
                    Files.move(writing, libraries, StandardCopyOption.ATOMIC_MOVE);
                    StaleVersions.removeOthers(cache, "check-libraries-*.jar", libraries);
                } catch (FileAlreadyExistsException e) {
                    // another grading wrote the same jar first; a class archive may already rely on its timestamp
                } finally {
                    Files.deleteIfExists(writing);
                }
            }
            return libraries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the check libraries into " + cache + ": " + e.getMessage(), e);
        }
    }

    private static void copyLibraries(Path runnableJar, Path target) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        try (ZipFile source = new ZipFile(runnableJar.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            for (ZipEntry entry : Collections.list(source.entries())) {
                if (!entry.isDirectory() && isLibrary(entry.getName())) {
                    byte[] bytes;
                    try (InputStream in = source.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    // stored, not deflated: writing is then a copy, and every check JVM reads it without inflating
                    ZipEntry stored = new ZipEntry(entry.getName());
                    stored.setMethod(ZipEntry.STORED);
                    stored.setSize(bytes.length);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    stored.setCrc(crc.getValue());
                    out.putNextEntry(stored);
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
    }

    private static boolean isLibrary(String entry) {
        Matcher versioned = VERSIONED.matcher(entry);
        String name = versioned.matches() ? versioned.group(1)
                : entry.startsWith(SERVICES) ? entry.substring(SERVICES.length()).replace('.', '/') : entry;
        return PACKAGES.stream().anyMatch(name::startsWith);
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
