package io.coursekit.site.diagrams;

/** The text of one Mermaid diagram, without the blank lines around it: what is drawn, cached and exported. */
record MermaidSource(String text) {

    /** The id Mermaid gives the SVG: the same for the same text, so a cached picture is the same picture. */
    String id() {
        return "m" + MermaidBundle.sha256(text).substring(0, 12);
    }

    String key(DiagramFormat format) {
        return MermaidBundle.key(text, format);
    }

    /** The file name of an exported picture: named by the picture's own content address. */
    String fileName(DiagramFormat format) {
        return key(format).substring(0, 16) + "." + format.extension();
    }
}
