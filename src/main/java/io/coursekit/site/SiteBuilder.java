package io.coursekit.site;

import io.coursekit.UserError;
import io.coursekit.site.diagrams.MermaidDiagrams;
import io.coursekit.site.pricing.PricingBlocks;
import io.coursekit.site.rubric.RubricBlocks;
import org.commonmark.node.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.IntStream;

/**
 * Builds the course site: reads content/ into a {@link Course}, renders every page through Markdown and the
 * FreeMarker templates, checks every link, and writes site/ only when nothing is broken (or --no-strict).
 */
public final class SiteBuilder {
    /** Marks a folder as coursekit output, so a rebuild may empty it and nothing else is ever deleted. */
    private static final String MARKER = ".coursekit-site";

    private final CourseSources sources;
    private final Path content;
    private final Path out;
    private final Optional<Path> templates;
    private final boolean strict;
    private final MermaidDiagrams diagrams;

    public SiteBuilder(CourseSources sources, Path out, boolean strict) {
        this(sources, out, strict, MermaidDiagrams.standard());
    }

    /** @param diagrams draws the course's Mermaid blocks (its cache and Chromium); keep one across rebuilds */
    public SiteBuilder(CourseSources sources, Path out, boolean strict, MermaidDiagrams diagrams) {
        this.sources = sources;
        this.content = sources.content();
        this.out = out;
        this.templates = sources.templates();
        this.strict = strict;
        this.diagrams = diagrams;
    }

    public SiteBuild build() {
        long started = System.nanoTime();
        if (!Files.isDirectory(content)) {
            throw new UserError("content folder not found: " + content.toAbsolutePath());
        }
        templates.filter(t -> !Files.isDirectory(t)).ifPresent(t -> {
            throw new UserError("templates folder not found: " + t.toAbsolutePath());
        });
        Course course = new CourseReader(content).read();
        Map<String, String> labels = UiLabels.of(course.language());
        List<Page> pages = course.pagesInOrder();
        List<FencedBlockRenderer> renderers = blockRenderers(course.language());
        MarkdownPages markdown = new MarkdownPages(renderers);

        Map<Page, Node> documents = Collections.synchronizedMap(new HashMap<>());
        Map<Page, PageOutline> outlines = Collections.synchronizedMap(new HashMap<>());
        pages.parallelStream().forEach(page -> {
            Node document = markdown.parse(page);
            documents.put(page, document);
            outlines.put(page, new PageOutline(document));
        });
        Map<String, Set<String>> anchors = new HashMap<>();
        pages.forEach(page -> anchors.put(page.path(), outlines.get(page).anchors()));

        CourseLinks links = new CourseLinks(content, anchors);
        Navigation navigation = new Navigation(course, labels);
        SiteTemplates siteTemplates = openTemplates();
        Set<BuildProblem> problems = new ConcurrentSkipListSet<>(
                Comparator.comparing((BuildProblem p) -> p.file().toString()).thenComparingInt(BuildProblem::line)
                        .thenComparing(BuildProblem::getMessage));
        prepare(renderers, pages, documents, problems);
        Set<String> filesToCopy = new ConcurrentSkipListSet<>();
        Map<String, String> written = Collections.synchronizedMap(new LinkedHashMap<>());
        SearchIndex.Entry[] search = new SearchIndex.Entry[pages.size()];

        IntStream.range(0, pages.size()).parallel().forEach(i -> {
            Page page = pages.get(i);
            Node document = documents.get(page);
            PageOutline outline = outlines.get(page);
            links.resolve(page, document, problems::add, filesToCopy::add);
            search[i] = new SearchIndex.Entry(page.title(), page.outputPath(), outline.tableOfContents(),
                    PageOutline.plainText(document).replaceAll("\\s+", " "));
            EmojiShortcodes.replaceIn(document);
            try {
                String body = markdown.render(page, document, outline);
                written.put(page.outputPath(), siteTemplates.render("page.ftlh",
                        pageModel(course, labels, navigation, page, body, outline)));
            } catch (BuildProblem problem) {
                problems.add(problem);
            }
        });
        written.put("index.html", siteTemplates.render("home.ftlh", homeModel(course, labels, navigation)));

        List<BuildProblem> found = List.copyOf(problems);
        if (strict && !found.isEmpty()) {
            throw new BuildFailure(found);
        }
        write(written, filesToCopy, SearchIndex.script(List.of(search)));
        return new SiteBuild(out, written.size(), found, (System.nanoTime() - started) / 1_000_000);
    }

    /** Shows each block renderer all of its blocks first (diagrams are drawn together, in parallel). */
    private static void prepare(List<FencedBlockRenderer> renderers, List<Page> pages, Map<Page, Node> documents,
                                Set<BuildProblem> problems) {
        List<FencedBlock> blocks = pages.stream().flatMap(page -> FencedBlocks.in(page, documents.get(page)).stream()).toList();
        for (FencedBlockRenderer renderer : renderers) {
            problems.addAll(renderer.prepare(blocks.stream().filter(b -> renderer.accepts(b.info())).toList()));
        }
    }

    private List<FencedBlockRenderer> blockRenderers(String language) {
        return List.of(diagrams, new PricingBlocks(content.resolve("pricing")),
                new RubricBlocks(sources.labs(), language));
    }

    private SiteTemplates openTemplates() {
        try {
            return new SiteTemplates(templates);
        } catch (IOException e) {
            throw new UserError("cannot open templates " + templates.map(Path::toString).orElse("(embedded)") + ": " + e.getMessage());
        }
    }

    private Map<String, Object> pageModel(Course course, Map<String, String> labels, Navigation navigation,
                                          Page page, String body, PageOutline outline) {
        Map<String, Object> model = baseModel(course, labels, page.rootPrefix());
        model.put("page", Map.of("title", page.title(), "kind", page.kind().name().toLowerCase(), "path", page.path(),
                "body", body, "toc", outline.tableOfContents().stream()
                        .map(e -> Map.of("level", e.level(), "text", e.text(), "id", e.id())).toList()));
        model.put("nav", navigation.sidebar(page));
        model.put("breadcrumbs", navigation.breadcrumbs(page));
        model.putAll(navigation.neighbours(page));
        return model;
    }

    private Map<String, Object> homeModel(Course course, Map<String, String> labels, Navigation navigation) {
        Map<String, Object> model = baseModel(course, labels, "");
        model.put("nav", navigation.sidebar(null));
        model.put("pageCount", course.pagesInOrder().size());
        return model;
    }

    private static Map<String, Object> baseModel(Course course, Map<String, String> labels, String root) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", Map.of("title", course.title(), "language", course.language(),
                "description", course.description() == null ? "" : course.description()));
        model.put("labels", labels);
        model.put("root", root);
        return model;
    }

    private void write(Map<String, String> pages, Set<String> filesToCopy, String searchScript) {
        try {
            OutputFolder.empty(out, MARKER, "coursekit build");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                writeText(out.resolve(page.getKey()), page.getValue());
            }
            for (String file : filesToCopy) {
                Path target = out.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(content.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
            }
            SiteAssets.write(out, templates);
            writeText(out.resolve("assets/search-index.js"), searchScript);
            Files.writeString(out.resolve(MARKER), "written by coursekit build; the next build empties this folder\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the site to " + out + ": " + e.getMessage(), e);
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
