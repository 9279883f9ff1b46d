package io.coursekit.site.diagrams;

import io.coursekit.site.TexFormula;

/** What is typeset of one formula: its TeX and whether it is displayed; the same formula twice is typeset once. */
record MathSource(String tex, boolean display) {

    static MathSource of(TexFormula formula) {
        return new MathSource(formula.tex(), formula.display());
    }

    String key() {
        return MermaidBundle.key((display ? "display\n" : "inline\n") + tex, DiagramFormat.FORMULA);
    }
}
