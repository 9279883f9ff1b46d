package io.coursekit.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes site/assets/: the template's static files (embedded defaults, then a course's own --templates/static on top)
 * and the front-end libraries from their WebJars, so the site never loads anything from the network.
 */
final class SiteAssets {
    /** WebJar (Maven group/artifact) and the files of it the site uses, relative to the WebJar's version folder. */
    private record WebJar(String group, String artifact, List<String> files) {
    }

    private static final List<WebJar> VENDOR = List.of(
            new WebJar("org.webjars.npm", "mermaid", List.of("dist/mermaid.min.js", "LICENSE")),
            new WebJar("org.webjars", "highlightjs", List.of(
                    "highlight.min.js", "styles/github.min.css", "styles/github-dark.min.css",
                    "languages/dockerfile.min.js", "languages/nginx.min.js", "languages/powershell.min.js")));

    private SiteAssets() {
    }

    static void write(Path out, Optional<Path> templates) throws IOException {
        Path assets = out.resolve("assets");
        copyEmbedded(SiteTemplates.EMBEDDED + "/static", assets);
        if (templates.isPresent() && Files.isDirectory(templates.get().resolve("static"))) {
            copyTree(templates.get().resolve("static"), assets);
        }
        for (WebJar jar : VENDOR) {
            String version = versionOf(jar);
            for (String file : jar.files()) {
                String resource = "META-INF/resources/webjars/" + jar.artifact() + "/" + version + "/" + file;
                Path target = assets.resolve("vendor").resolve(jar.artifact()).resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = resource(resource)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String versionOf(WebJar jar) throws IOException {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/" + jar.group() + "/" + jar.artifact() + "/pom.properties")) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SiteAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing from the coursekit jar: " + name);
        }
        return in;
    }

    /** Copies a folder of the classpath, whether coursekit runs from its jar or from target/classes. */
    private static void copyEmbedded(String folder, Path target) throws IOException {
        URL url = SiteAssets.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IOException("missing from the coursekit jar: " + folder);
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (uri.getScheme().equals("jar")) {
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            copyTree(jar.getPath(folder), target);
        } else {
            copyTree(Path.of(uri), target);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
