package io.coursekit.site.diagrams;

import io.coursekit.site.BuildProblem;
import io.coursekit.site.FencedBlock;
import io.coursekit.site.FencedBlockRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

/**
 * Mermaid blocks become inline SVG at build time, drawn in one long-lived headless Chromium with the Mermaid the site
 * ships: a light and a dark picture, switched by CSS, so pages need no Mermaid JavaScript. Pictures are cached by
 * content address, so an unchanged rebuild draws nothing. Without Chromium the source stays in the page and the
 * reader's browser draws it (one notice says so). A diagram Mermaid cannot parse is a problem at its file and line.
 */
public final class MermaidDiagrams implements FencedBlockRenderer {
    private static final Set<DiagramFormat> PAGE_FORMATS = EnumSet.of(DiagramFormat.LIGHT, DiagramFormat.DARK);
    private static final Pattern MERMAID_LINE = Pattern.compile("\\bline (\\d+)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SVG_ID = Pattern.compile("<svg id=\"(m[0-9a-f]{12})\"");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"[-\\d.]+ [-\\d.]+ ([\\d.]+) ([\\d.]+)\"");

    /** Hears what the build should tell its user: one notice when diagrams fall back, and how drawing goes. */
    public interface Listener {
        void notice(String line);

        default void drawn(int done, int total) {
        }
    }

    /**
     * What the last build (or serve's last rebuild) did with its diagrams.
     *
     * @param drawn     diagrams drawn in Chromium by this build
     * @param cached    diagrams whose pictures came from the cache
     * @param inBrowser diagrams left for the reader's browser to draw (no Chromium)
     */
    public record Tally(int drawn, int cached, int inBrowser) {
        public int total() {
            return drawn + cached + inBrowser;
        }
    }

    private final DiagramCache cache;
    private final Optional<Path> chromium;
    private final Listener listener;
    private final MathFormulas formulas;
    /** What the last prepare of each Markdown file found for its diagrams, so serve can redraw one page alone. */
    private final Map<Path, Map<MermaidSource, Drawing>> drawings = new ConcurrentHashMap<>();
    private volatile Tally tally = new Tally(0, 0, 0);
    private boolean noticeGiven;

    /**
     * @param cache    where pictures are kept between builds
     * @param chromium the browser to draw with; empty draws every diagram in the reader's browser
     */
    public MermaidDiagrams(DiagramCache cache, Optional<Path> chromium, Listener listener) {
        this.cache = cache;
        this.chromium = chromium;
        this.listener = listener;
        this.formulas = new MathFormulas(cache, this);
    }

    /** The user's diagram cache and this machine's Chromium; notices go to standard error. */
    public static MermaidDiagrams standard() {
        return standard(System.err::println);
    }

    /** The user's diagram cache and this machine's Chromium ({@code COURSEKIT_CHROMIUM} or the PATH). */
    public static MermaidDiagrams standard(Listener listener) {
        return new MermaidDiagrams(DiagramCache.standard(), systemChromium(), listener);
    }

    public Tally tally() {
        return tally;
    }

    /** The course's TeX formulas, typeset by KaTeX in the same Chromium, with the same cache and notice. */
    public MathFormulas formulas() {
        return formulas;
    }

    /** This machine's Chromium: {@code COURSEKIT_CHROMIUM}, or the first chromium or google-chrome on the PATH. */
    public static Optional<Path> systemChromium() {
        return Chromium.find();
    }

    public static String mermaidVersion() {
        return MermaidBundle.version();
    }

    @Override
    public boolean accepts(String info) {
        return info.equals("mermaid");
    }

    /** Draws what the cache lacks of these blocks' diagrams, all together, and keeps each file's drawings for toHtml. */
    @Override
    public synchronized void prepare(List<FencedBlock> blocks) {
        Set<MermaidSource> sources = new LinkedHashSet<>();
        blocks.stream().map(MermaidDiagrams::sourceOf).filter(s -> !s.text().isEmpty()).forEach(sources::add);
        Found found = find(sources, PAGE_FORMATS);
        Map<Path, Map<MermaidSource, Drawing>> byFile = new HashMap<>();
        for (FencedBlock block : blocks) {
            Map<MermaidSource, Drawing> ofFile = byFile.computeIfAbsent(block.file(), f -> new HashMap<>());
            Drawing drawing = found.drawings().get(sourceOf(block));
            if (drawing != null) {
                ofFile.put(sourceOf(block), drawing);
            }
        }
        byFile.forEach((file, ofFile) -> drawings.put(file, Map.copyOf(ofFile)));
        tally = new Tally(found.drawn(), found.cached(), sources.size() - found.drawings().size());
    }

    /**
     * The block's light and dark pictures; its source for the reader's browser when it was not drawn (no Chromium).
     *
     * @throws BuildProblem {@code file:line: mermaid: <Mermaid's message>} when Mermaid cannot parse it
     */
    @Override
    public String toHtml(FencedBlock block) {
        MermaidSource source = sourceOf(block);
        if (source.text().isEmpty()) {
            throw block.problem("empty mermaid block: write the diagram between the fences");
        }
        Drawing drawing = drawings.getOrDefault(block.file(), Map.of()).get(source);
        if (drawing instanceof Drawing.Pictures pictures) {
            return figure(block, pictures);
        }
        if (drawing instanceof Drawing.Failed failed) {
            throw problemOf(block, failed);
        }
        return "<div class=\"diagram\"><pre class=\"mermaid\" data-line=\"" + block.line() + "\">"
                + XHTMLEnc(source.text()) + "</pre></div>";
    }

    /** Pictures of the sources in the given formats, from the cache or drawn now; none where Chromium is missing. */
    Map<MermaidSource, Drawing> pictures(Collection<MermaidSource> sources, Set<DiagramFormat> formats) {
        return find(sources, formats).drawings();
    }

    /** What a lookup found: every drawing, and how many of them came from the cache and were drawn now. */
    private record Found(Map<MermaidSource, Drawing> drawings, int cached, int drawn) {
    }

    private Found find(Collection<MermaidSource> sources, Set<DiagramFormat> formats) {
        Map<MermaidSource, Drawing> found = new HashMap<>();
        List<MermaidSource> missing = new ArrayList<>();
        for (MermaidSource source : new LinkedHashSet<>(sources)) {
            cached(source, formats).ifPresentOrElse(d -> found.put(source, d), () -> missing.add(source));
        }
        int cached = found.size();
        Map<MermaidSource, Drawing> drawn = draw(missing, formats);
        drawn.forEach(this::store);
        found.putAll(drawn);
        if (!drawn.isEmpty()) {
            cache.removeUnused();
        }
        return new Found(found, cached, drawn.size());
    }

    /**
     * The one browser this renderer draws with, started on first use; empty (after one notice, for diagrams and
     * formulas alike) without it.
     *
     * @param work what is left to the reader's browser without it ("4 diagrams are drawn")
     */
    Optional<MermaidBrowser> browser(String work) {
        if (chromium.isEmpty()) {
            notice("no Chromium found (install chromium, or set COURSEKIT_CHROMIUM to its path): " + work
                    + " in the reader's browser instead");
            return Optional.empty();
        }
        try {
            return Optional.of(MermaidBrowser.shared(chromium.get()));
        } catch (IOException e) {
            notice("Chromium at " + chromium.get() + " could not start (" + e.getMessage() + "): " + work
                    + " in the reader's browser instead");
            return Optional.empty();
        }
    }

    private Map<MermaidSource, Drawing> draw(List<MermaidSource> sources, Set<DiagramFormat> formats) {
        if (sources.isEmpty()) {
            return Map.of();
        }
        Optional<MermaidBrowser> browser = browser(sources.size() + " diagrams are drawn");
        if (browser.isEmpty()) {
            return Map.of();
        }
        Set<DiagramFormat> svg = EnumSet.copyOf(formats);
        svg.remove(DiagramFormat.PNG_FILE);
        if (svg.isEmpty()) {
            svg.add(DiagramFormat.LIGHT);
        }
        try {
            Map<MermaidSource, Drawing> drawn = new HashMap<>(
                    browser.get().draw(sources, svg, done -> listener.drawn(done, sources.size())));
            if (formats.contains(DiagramFormat.PNG_FILE)) {
                drawn.replaceAll((source, drawing) -> drawing instanceof Drawing.Pictures pictures
                        ? withPng(browser.get(), source, pictures, formats) : drawing);
            }
            return drawn;
        } catch (RuntimeException e) {
            browser.get().broke();
            notice("Chromium failed while drawing (" + e.getMessage() + "): " + sources.size()
                    + " diagrams are drawn in the reader's browser instead");
            return Map.of();
        }
    }

    private static Drawing withPng(MermaidBrowser browser, MermaidSource source, Drawing.Pictures svg, Set<DiagramFormat> formats) {
        Drawing png = browser.png(source);
        if (!(png instanceof Drawing.Pictures picture)) {
            return png;
        }
        Map<DiagramFormat, byte[]> all = new EnumMap<>(DiagramFormat.class);
        svg.pictures().forEach((format, bytes) -> {
            if (formats.contains(format)) {
                all.put(format, bytes);
            }
        });
        all.putAll(picture.pictures());
        return new Drawing.Pictures(all);
    }

    private Optional<Drawing> cached(MermaidSource source, Set<DiagramFormat> formats) {
        Optional<String> error = cache.error(source.key(DiagramFormat.LIGHT));
        if (error.isPresent()) {
            return Optional.of(new Drawing.Failed(error.get()));
        }
        Map<DiagramFormat, byte[]> pictures = new EnumMap<>(DiagramFormat.class);
        for (DiagramFormat format : formats) {
            Optional<byte[]> picture = cache.picture(source.key(format), format);
            if (picture.isEmpty()) {
                return Optional.empty();
            }
            pictures.put(format, picture.get());
        }
        return Optional.of(new Drawing.Pictures(pictures));
    }

    private void store(MermaidSource source, Drawing drawing) {
        if (drawing instanceof Drawing.Failed failed) {
            cache.putError(source.key(DiagramFormat.LIGHT), failed.message());
        } else if (drawing instanceof Drawing.Pictures pictures) {
            pictures.pictures().forEach((format, bytes) -> cache.putPicture(source.key(format), format, bytes));
        }
    }

    synchronized void notice(String line) {
        if (!noticeGiven) {
            noticeGiven = true;
            listener.notice(line);
        }
    }

    /** The light and the dark picture; their ids get the block's line, so a page can show one diagram twice. */
    private static String figure(FencedBlock block, Drawing.Pictures pictures) {
        String light = new String(pictures.pictures().get(DiagramFormat.LIGHT), StandardCharsets.UTF_8);
        String dark = new String(pictures.pictures().get(DiagramFormat.DARK), StandardCharsets.UTF_8);
        Matcher id = SVG_ID.matcher(light);
        if (id.find()) {
            light = light.replace(id.group(1), id.group(1) + "-" + block.line());
            dark = dark.replace(id.group(1), id.group(1) + "-" + block.line());
        }
        Matcher box = VIEW_BOX.matcher(light);
        String width = box.find() ? " style=\"--diagram-width:" + Math.round(Double.parseDouble(box.group(1))) + "px\"" : "";
        return "<figure class=\"diagram\" data-line=\"" + block.line() + "\"" + width + ">"
                + "<div class=\"diagram-light\">" + light + "</div>"
                + "<div class=\"diagram-dark\">" + dark + "</div></figure>";
    }

    static BuildProblem problemOf(FencedBlock block, Drawing.Failed failed) {
        String message = failed.message().strip().replace("\n", "\n    ");
        return new BuildProblem(block.file(), lineOf(block, failed), "mermaid: " + message);
    }

    /** The line in the Markdown file: Mermaid counts from the diagram's first line, after any blank lines. */
    private static int lineOf(FencedBlock block, Drawing.Failed failed) {
        int blankLinesBefore = 0;
        for (String line : block.body().split("\n", -1)) {
            if (!line.isBlank()) {
                break;
            }
            blankLinesBefore++;
        }
        Matcher line = MERMAID_LINE.matcher(failed.message());
        int inDiagram = line.find() ? Integer.parseInt(line.group(1)) : 1;
        return block.line() + blankLinesBefore + inDiagram;
    }

    static MermaidSource sourceOf(FencedBlock block) {
        return new MermaidSource(block.body().strip());
    }
}
