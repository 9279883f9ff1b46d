package io.coursekit.site.diagrams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The Mermaid the site ships, from its WebJar, the KaTeX it ships in its templates, and coursekit's own render page:
 * the build draws and typesets with the same scripts that readers' browsers get when a page falls back to them.
 */
final class MermaidBundle {
    private static final String WEBJAR = "META-INF/resources/webjars/mermaid/";
    private static final String KATEX = "coursekit-templates/static/vendor/katex/katex.min.js";
    private static final String VERSION = readVersion();
    /** Changes whenever the renderer does, so a new coursekit draws again what an older one drew differently. */
    private static final String RENDERER = sha256(new String(resource("render.js"), StandardCharsets.UTF_8)
            + new String(resource("render.html"), StandardCharsets.UTF_8) + new String(resource("typeset.js"), StandardCharsets.UTF_8)
            + new String(katex(), StandardCharsets.UTF_8)).substring(0, 16);

    private MermaidBundle() {
    }

    static String version() {
        return VERSION;
    }

    static byte[] script() {
        return load(WEBJAR + VERSION + "/dist/mermaid.min.js");
    }

    static byte[] katex() {
        return load(KATEX);
    }

    /** A file of coursekit's render page, next to this class. */
    static byte[] resource(String name) {
        return load("io/coursekit/site/diagrams/" + name);
    }

    /** The cache key of one picture: the diagram text (or formula), the Mermaid version, the renderer (KaTeX included) and the format. */
    static String key(String source, DiagramFormat format) {
        return sha256("mermaid " + VERSION + "\nrenderer " + RENDERER + "\nformat " + format + "\n" + source);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readVersion() {
        Properties pom = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars.npm/mermaid/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] load(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = MermaidBundle.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing from the coursekit jar: " + name);
        }
        return in;
    }
}
