package io.coursekit.site.diagrams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Mermaid the site ships, from its WebJar, the KaTeX and emoji font it ships in its templates, and coursekit's own
 * render page: the build draws and typesets with the same scripts, and measures text with the same fonts, that readers'
 * browsers get.
 */
final class MermaidBundle {
    private static final String WEBJAR = "META-INF/resources/webjars/mermaid/";
    private static final String STATIC = "coursekit-templates/static/";
    private static final String KATEX = STATIC + "vendor/katex/katex.min.js";
    private static final String EMOJI = STATIC + "emoji.css";
    private static final String VERSION = readVersion();
    /** Changes whenever the renderer does, so a new coursekit draws again what an older one drew differently. */
    private static final String RENDERER = sha256(new String(resource("render.js"), StandardCharsets.UTF_8)
            + new String(resource("render.html"), StandardCharsets.UTF_8) + new String(resource("typeset.js"), StandardCharsets.UTF_8)
            + new String(katex(), StandardCharsets.UTF_8) + new String(emojiStyle(), StandardCharsets.UTF_8)).substring(0, 16);

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

    static byte[] emojiStyle() {
        return load(EMOJI);
    }

    /** The font files emoji.css names, by their paths relative to it. */
    static List<String> emojiPieces() {
        Matcher url = Pattern.compile("url\\(([^)]+\\.woff2)\\)").matcher(new String(emojiStyle(), StandardCharsets.UTF_8));
        Set<String> pieces = new LinkedHashSet<>();
        while (url.find()) {
            pieces.add(url.group(1));
        }
        return List.copyOf(pieces);
    }

    /** A font file of emoji.css, by its path relative to it. */
    static byte[] emojiPiece(String path) {
        return load(STATIC + path);
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
