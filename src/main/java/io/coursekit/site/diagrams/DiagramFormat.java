package io.coursekit.site.diagrams;

/** The pictures made of one diagram (markup for light and dark pages, files for an LMS), or of one TeX formula. */
enum DiagramFormat {
    /** Inline SVG for light pages and print. */
    LIGHT("svg"),
    /** Inline SVG for dark pages: pale author fills darkened, every text readable on its backdrop. */
    DARK("svg"),
    /** A standalone SVG file (XML) of the light picture. */
    SVG_FILE("svg"),
    /** A PNG of the light picture at twice its size. */
    PNG_FILE("png"),
    /** KaTeX's HTML of a formula, with its MathML for screen readers; it follows the theme's ink by itself. */
    FORMULA("html");

    private final String extension;

    DiagramFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }
}
