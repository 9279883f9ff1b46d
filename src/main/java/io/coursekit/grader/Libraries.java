package io.coursekit.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The libraries of the grader's two kinds of JVM, taken from coursekit's own class path: the judge's (coursekit, JUnit,
 * Lettuce with its Netty and Reactor, Jackson) and the student's (Lettuce, Jackson and coursekit's sandbox runner,
 * nothing else: what students may use). Each is the matching packages of the runnable jar, or of a build tree's
 * classes and library jars, copied once into a stored jar of its own in the cache: no JVM indexes the site builder
 * and the web assets, a sandbox sees one file, and both kinds of JVM can map a class archive.
 */
final class Libraries {
    private static final List<String> JUDGE_JARS = List.of("lettuce-core", "redis-authx", "netty-", "reactor-core",
            "reactive-streams", "jackson-core", "jackson-databind", "jackson-annotations", "junit-", "opentest4j",
            "apiguardian", "slf4j-");
    private static final List<String> JUDGE_PACKAGES = List.of("io/coursekit/", "io/lettuce/", "redis/clients/",
            "io/netty/", "reactor/", "org/reactivestreams/", "com/fasterxml/jackson/core/",
            "com/fasterxml/jackson/databind/", "com/fasterxml/jackson/annotation/", "org/junit/", "org/opentest4j/",
            "org/apiguardian/", "org/slf4j/");
    private static final List<String> STUDENT_PACKAGES = List.of("io/coursekit/sandbox/", "io/coursekit/rpc/",
            "io/lettuce/", "redis/clients/", "io/netty/", "reactor/", "org/reactivestreams/", "org/slf4j/",
            "com/fasterxml/jackson/core/", "com/fasterxml/jackson/databind/", "com/fasterxml/jackson/annotation/");
    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/\\d+/(.*)");
    private static final String SERVICES = "META-INF/services/";

    private Libraries() {
    }

    /** The judge's class path, besides the lab's API: one jar, so the judge can map a class archive of it. */
    static List<Path> judge(Path cache) {
        return List.of(jar(cache, "judge-libraries-", sources(JUDGE_JARS), JUDGE_PACKAGES));
    }

    /** The one jar a student JVM and the sandboxed compiler see, besides the lab's API. */
    static Path student(Path cache) {
        return jar(cache, "student-libraries-", sources(JUDGE_JARS), STUDENT_PACKAGES);
    }

    /** coursekit's own classes, and in a build tree the library jars of these names beside them. */
    private static List<Path> sources(List<String> jarNames) {
        Path coursekit = codeSource();
        List<Path> sources = new ArrayList<>(List.of(coursekit));
        if (!Files.isRegularFile(coursekit)) {
            for (Path entry : classPath()) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".jar") && jarNames.stream().anyMatch(name::startsWith) && !sources.contains(entry)) {
                    sources.add(entry);
                }
            }
        }
        return sources;
    }

    /** A stored jar of the {@code packages} in {@code sources}, written once per version of them and sealed. */
    private static Path jar(Path cache, String prefix, List<Path> sources, List<String> packages) {
        try {
            Path jar = cache.resolve(prefix + fingerprint(sources, packages) + ".jar");
            if (Files.isRegularFile(jar) && !CacheSeal.intact(jar)) {
                Files.delete(jar);
            }
            if (!Files.isRegularFile(jar)) {
                Files.createDirectories(cache);
                Path writing = Files.createTempFile(cache, prefix, ".tmp");
                try {
                    copy(sources, packages, writing);
                    CacheSeal.seal(writing, jar);
                    Files.move(writing, jar, StandardCopyOption.ATOMIC_MOVE);
                    StaleVersions.removeOthers(cache, prefix + "*.jar", jar);
                } catch (FileAlreadyExistsException e) {
                    // another grading wrote the same jar first; a class archive may already rely on its timestamp
                } finally {
                    Files.deleteIfExists(writing);
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grader's libraries into " + cache + ": " + e.getMessage(), e);
        }
    }

    private static void copy(List<Path> sources, List<String> packages, Path target) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            for (Path source : sources) {
                if (Files.isDirectory(source)) {
                    try (Stream<Path> files = Files.walk(source)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            String name = source.relativize(file).toString().replace(File.separatorChar, '/');
                            if (wanted(name, packages) && written.add(name)) {
                                store(out, name, Files.readAllBytes(file));
                            }
                        }
                    }
                    continue;
                }
                try (ZipFile zip = new ZipFile(source.toFile())) {
                    for (ZipEntry entry : Collections.list(zip.entries())) {
                        if (!entry.isDirectory() && wanted(entry.getName(), packages) && written.add(entry.getName())) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                store(out, entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        }
    }

    /** Stored, not deflated: writing is then a copy, and every JVM reads it without inflating. */
    private static void store(JarOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry stored = new ZipEntry(name);
        stored.setMethod(ZipEntry.STORED);
        stored.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        stored.setCrc(crc.getValue());
        out.putNextEntry(stored);
        out.write(bytes);
        out.closeEntry();
    }

    private static boolean wanted(String entry, List<String> packages) {
        if (entry.endsWith("module-info.class")) {
            return false;
        }
        Matcher versioned = VERSIONED.matcher(entry);
        String name = versioned.matches() ? versioned.group(1)
                : entry.startsWith(SERVICES) ? entry.substring(SERVICES.length()).replace('.', '/') : entry;
        return packages.stream().anyMatch(name::startsWith);
    }

    /** Names the inputs' versions: each jar's size and time, each class file's of a build tree. */
    private static String fingerprint(List<Path> sources, List<String> packages) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join(",", packages).getBytes(StandardCharsets.UTF_8));
            for (Path source : sources) {
                if (Files.isDirectory(source)) {
                    try (Stream<Path> files = Files.walk(source)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            if (wanted(source.relativize(file).toString().replace(File.separatorChar, '/'), packages)) {
                                digest.update((file + "@" + Files.size(file) + "@" + Files.getLastModifiedTime(file))
                                        .getBytes(StandardCharsets.UTF_8));
                            }
                        }
                    }
                } else {
                    digest.update((source + "@" + Files.size(source) + "@" + Files.getLastModifiedTime(source))
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(Libraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
