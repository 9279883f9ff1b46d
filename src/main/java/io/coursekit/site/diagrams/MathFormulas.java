package io.coursekit.site.diagrams;

import io.coursekit.site.BuildProblem;
import io.coursekit.site.TexFormula;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

/**
 * TeX formulas typeset at build time by the KaTeX the site ships, in the Chromium that draws the diagrams: pages get
 * KaTeX's HTML (and MathML for screen readers) and need only katex.min.css, no script. Typeset formulas are cached by
 * content address like pictures. Without Chromium the TeX stays in the page and math.js typesets it in the reader's
 * browser. A formula KaTeX cannot parse is a problem at its file and line, with KaTeX's own message.
 */
public final class MathFormulas {
    /** Formulas per call into the render page: KaTeX takes well under a millisecond for most. */
    private static final int BATCH = 400;

    private final DiagramCache cache;
    private final MermaidDiagrams chromium;
    private final Map<Path, Map<MathSource, Drawing>> typeset = new ConcurrentHashMap<>();
    private volatile MermaidDiagrams.Tally tally = new MermaidDiagrams.Tally(0, 0, 0);

    MathFormulas(DiagramCache cache, MermaidDiagrams chromium) {
        this.cache = cache;
        this.chromium = chromium;
    }

    /** What the last build did with its formulas: typeset now ("drawn"), from the cache, left to the reader's browser. */
    public MermaidDiagrams.Tally tally() {
        return tally;
    }

    /** Typesets what the cache lacks of these formulas, all at once, and keeps each file's for toHtml. */
    public synchronized void prepare(List<TexFormula> formulas) {
        Set<MathSource> sources = new LinkedHashSet<>();
        formulas.forEach(f -> sources.add(MathSource.of(f)));
        Map<MathSource, Drawing> found = new HashMap<>();
        List<MathSource> missing = new ArrayList<>();
        for (MathSource source : sources) {
            cached(source).ifPresentOrElse(d -> found.put(source, d), () -> missing.add(source));
        }
        int cached = found.size();
        Map<MathSource, Drawing> made = typeset(missing);
        made.forEach(this::store);
        found.putAll(made);
        Map<Path, Map<MathSource, Drawing>> byFile = new HashMap<>();
        for (TexFormula formula : formulas) {
            Drawing drawing = found.get(MathSource.of(formula));
            Map<MathSource, Drawing> ofFile = byFile.computeIfAbsent(formula.file(), f -> new HashMap<>());
            if (drawing != null) {
                ofFile.put(MathSource.of(formula), drawing);
            }
        }
        byFile.forEach((file, ofFile) -> typeset.put(file, Map.copyOf(ofFile)));
        tally = new MermaidDiagrams.Tally(made.size(), cached, sources.size() - found.size());
    }

    /**
     * KaTeX's HTML of the formula; its TeX for the reader's browser when it was not typeset (no Chromium).
     *
     * @throws BuildProblem {@code file:line: math: <KaTeX's message>} when KaTeX cannot parse it
     */
    public String toHtml(TexFormula formula) {
        MathSource source = MathSource.of(formula);
        Drawing drawing = typeset.getOrDefault(formula.file(), Map.of()).get(source);
        if (drawing instanceof Drawing.Pictures html) {
            return new String(html.pictures().get(DiagramFormat.FORMULA), StandardCharsets.UTF_8);
        }
        if (drawing instanceof Drawing.Failed failed) {
            throw formula.problem("math: " + failed.message());
        }
        return "<span class=\"math-tex\" data-display=\"" + formula.display() + "\">" + XHTMLEnc(formula.tex()) + "</span>";
    }

    private Map<MathSource, Drawing> typeset(List<MathSource> sources) {
        if (sources.isEmpty()) {
            return Map.of();
        }
        Optional<MermaidBrowser> browser = chromium.browser(sources.size() + " formulas are typeset");
        if (browser.isEmpty()) {
            return Map.of();
        }
        Map<MathSource, Drawing> made = new HashMap<>();
        try {
            for (int from = 0; from < sources.size(); from += BATCH) {
                List<MathSource> batch = sources.subList(from, Math.min(sources.size(), from + BATCH));
                List<Drawing> drawings = browser.get().typeset(batch);
                for (int i = 0; i < batch.size(); i++) {
                    made.put(batch.get(i), drawings.get(i));
                }
            }
            return made;
        } catch (RuntimeException e) {
            browser.get().broke();
            chromium.notice("Chromium failed while typesetting (" + e.getMessage() + "): " + sources.size()
                    + " formulas are typeset in the reader's browser instead");
            return Map.of();
        }
    }

    private Optional<Drawing> cached(MathSource source) {
        Optional<String> error = cache.error(source.key());
        if (error.isPresent()) {
            return Optional.of(new Drawing.Failed(error.get()));
        }
        return cache.picture(source.key(), DiagramFormat.FORMULA).map(html -> new Drawing.Pictures(Map.of(DiagramFormat.FORMULA, html)));
    }

    private void store(MathSource source, Drawing drawing) {
        if (drawing instanceof Drawing.Failed failed) {
            cache.putError(source.key(), failed.message());
        } else if (drawing instanceof Drawing.Pictures html) {
            cache.putPicture(source.key(), DiagramFormat.FORMULA, html.pictures().get(DiagramFormat.FORMULA));
        }
    }
}
