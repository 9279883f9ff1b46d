package io.coursekit.site;

import io.coursekit.UserError;
import io.coursekit.site.diagrams.MermaidDiagrams;
import io.coursekit.site.pricing.PricingBlocks;
import io.coursekit.site.rubric.RubricBlocks;
import io.coursekit.site.search.PageText;
import io.coursekit.site.search.SearchIndex;
import io.coursekit.site.search.SearchPage;
import org.commonmark.node.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

/**
 * A course being turned into a site: the course read from its folder and one {@link PageBuild} per page, carried
 * through parsing, linking and rendering. {@code build} uses it once; {@code serve} keeps it and redoes only what a
 * saved file changes.
 */
public final class CourseSite {
    private final CourseSources sources;
    private final Path content;
    private final SiteTemplates templates;
    private final Course course;
    private final Map<String, String> labels;
    private final MarkdownPages markdown;
    private final Navigation navigation;
    private final CourseLinks links;
    private final Map<String, PageBuild> builds = new ConcurrentHashMap<>();
    private final Map<String, String> extraPages = new ConcurrentHashMap<>();
    private final List<BuildProblem> siteProblems = new ArrayList<>();
    private final List<FolderListing> listings = new ArrayList<>();
    private final LastUpdated updated;

    private CourseSite(CourseSources sources, SiteTemplates templates, Course course, MermaidDiagrams diagrams) {
        this.sources = sources;
        this.content = sources.content();
        this.templates = templates;
        this.course = course;
        this.labels = UiLabels.of(course.language());
        this.markdown = new MarkdownPages(List.of(diagrams, new PricingBlocks(content.resolve("pricing")),
                new RubricBlocks(sources.labs(), course.language())), diagrams.formulas(), labels);
        this.navigation = new Navigation(course);
        this.updated = LastUpdated.of(content);
        this.links = new CourseLinks(content, course, path -> {
            PageBuild build = builds.get(path);
            return build == null ? Set.of() : build.outline().anchors();
        });
    }

    /**
     * Reads the course and renders every page in memory; nothing is written yet.
     *
     * @param diagrams draws the course's Mermaid blocks; serve keeps one for all its rebuilds
     */
    public static CourseSite render(CourseSources sources, MermaidDiagrams diagrams) {
        if (!Files.isDirectory(sources.content())) {
            throw new UserError("content folder not found: " + sources.content().toAbsolutePath());
        }
        sources.templates().filter(t -> !Files.isDirectory(t)).ifPresent(t -> {
            throw new UserError("templates folder not found: " + t.toAbsolutePath());
        });
        SiteTemplates templates;
        try {
            templates = new SiteTemplates(sources.templates());
        } catch (IOException e) {
            throw new UserError("cannot open templates " + sources.templates().map(Path::toString).orElse("(embedded)") + ": " + e.getMessage());
        }
        CourseSite site = new CourseSite(sources, templates, new CourseReader(sources.content()).read(), diagrams);
        site.renderAll();
        return site;
    }

    public Course course() {
        return course;
    }

    private void renderAll() {
        course.pages().parallelStream().forEach(page -> builds.put(page.path(), parse(page)));
        markdown.prepare(builds.values());
        // links need every page's headings: a second pass, once all are parsed
        builds.values().parallelStream().forEach(build -> builds.put(build.page().path(), link(build)));
        builds.values().parallelStream().forEach(build -> builds.put(build.page().path(), renderPage(build)));
        renderExtraPages();
    }

    private PageBuild parse(Page page) {
        try {
            Node document = markdown.parse(page);
            PageOutline outline = new PageOutline(document);
            EmojiShortcodes.replaceIn(document);
            return PageBuild.parsed(page, document, outline, PageText.sections(document, outline::idOf));
        } catch (RuntimeException | StackOverflowError e) {
            Node empty = new org.commonmark.node.Document();
            return PageBuild.parsed(page, empty, new PageOutline(empty), List.of())
                    .rendered(null, List.of(new BuildProblem(page.source(), page.firstLine(), "cannot read this page's Markdown: " + e)));
        }
    }

    private PageBuild link(PageBuild build) {
        return build.linked(links.resolve(build.page(), build.document()));
    }

    private PageBuild renderPage(PageBuild build) {
        Page page = build.page();
        List<BuildProblem> found = new ArrayList<>(build.problems());
        try {
            String body = markdown.render(build, found::add);
            boolean home = page.outputPath().equals("index.html");
            Map<String, Object> model = model(page.outputPath(), page.title(), page.kind().name().toLowerCase(), page.path(), body, build.outline());
            model.putAll(navigation.neighbours(page));
            model.put("meta", meta(page, build));
            if (home) {
                model.put("sections", homeCards());
            }
            return build.rendered(templates.render(home ? "home.ftlh" : "page.ftlh", model), found);
        } catch (BuildProblem problem) {
            found.add(problem);
        } catch (RuntimeException | StackOverflowError e) {
            found.add(new BuildProblem(page.source(), page.firstLine(), "coursekit could not render this page (" + e
                    + "); the rest of the site is built"));
        }
        return build.rendered(problemPage(page, found), found);
    }

    /** A page that could not be rendered still exists, saying why, so links to it and the navigation keep working. */
    private String problemPage(Page page, List<BuildProblem> found) {
        String body = found.stream().map(p -> "<div class=\"build-problem\" role=\"alert\">" + XHTMLEnc(p.getMessage()) + "</div>")
                .collect(Collectors.joining("\n"));
        try {
            return templates.render("page.ftlh", model(page.outputPath(), page.title(), page.kind().name().toLowerCase(), page.path(), body, null));
        } catch (RuntimeException e) {
            return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + XHTMLEnc(page.title()) + "</title></head><body>"
                    + body + "</body></html>\n";
        }
    }

    private void renderExtraPages() {
        extraPages.clear();
        siteProblems.clear();
        listings.clear();
        if (course.home().isEmpty()) {
            Map<String, Object> model = model("index.html", course.title(), "home", "", "", null);
            model.put("sections", homeCards());
            extra("index.html", "home.ftlh", model);
        }
        Map<String, Object> notFound = model("404.html", labels.get("notFound"), "not-found", "", "", null);
        extra("404.html", "404.ftlh", notFound);
        for (Section section : course.sections().values()) {
            if (section.index().isEmpty() && section.kind() != SectionKind.COURSE) {
                Map<String, Object> model = model(section.outputPath(), section.title(), "listing", section.folder(), "", null);
                model.put("entries", navigation.contents(section));
                extra(section.outputPath(), "listing.ftlh", model);
            }
        }
        Set<String> folders = new TreeSet<>();
        builds.values().forEach(build -> folders.addAll(build.links().folders()));
        Set<String> seen = new LinkedHashSet<>();
        for (String folder : folders) {
            for (FolderListing listing : FolderListing.of(content, folder)) {
                if (seen.add(listing.folder())) {
                    listings.add(listing);
                    if (!listing.files().contains(listing.outputPath())) {
                        Map<String, Object> model = model(listing.outputPath(), listing.folder() + "/", "folder", listing.folder(), "", null);
                        model.put("entries", listing.entries());
                        extra(listing.outputPath(), "listing.ftlh", model);
                    }
                }
            }
        }
    }

    private void extra(String outputPath, String template, Map<String, Object> model) {
        try {
            extraPages.put(outputPath, templates.render(template, model));
        } catch (BuildProblem problem) {
            siteProblems.add(problem);
        }
    }

    private List<Map<String, Object>> homeCards() {
        return navigation.contents(course.root());
    }

    /** What a page tells search engines and link previews, and where to edit it: description, address, date, edit link. */
    private Map<String, Object> meta(Page page, PageBuild build) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("description", page.description() != null ? page.description() : Description.of(build.document()));
        course.publishing().siteUrl().ifPresent(site -> meta.put("url", site + CourseLinks.encode(page.outputPath())));
        course.publishing().editBase().ifPresent(edit -> meta.put("edit", edit + CourseLinks.encode(page.path())));
        meta.put("updated", updated.of(page).toString());
        return meta;
    }

    private Map<String, Object> model(String outputPath, String title, String kind, String path, String body, PageOutline outline) {
        Map<String, Object> model = new HashMap<>();
        model.put("meta", Map.of("description", course.description() == null ? "" : course.description()));
        model.put("site", Map.of("url", course.publishing().siteUrl().orElse(""),
                "favicon", course.publishing().favicon().map(f -> "assets/favicon" + extension(f)).orElse("assets/favicon.svg")));
        model.put("course", Map.of("title", course.title(), "language", course.language(),
                "description", course.description() == null ? "" : course.description()));
        model.put("labels", labels);
        model.put("root", Page.rootPrefixOf(outputPath));
        model.put("page", Map.of("title", title, "kind", kind, "path", path, "body", body,
                "toc", outline == null ? List.of() : outline.tableOfContents().stream()
                        .map(e -> Map.of("level", e.level(), "text", e.text(), "id", e.id())).toList()));
        model.put("nav", navigation.sidebar(outputPath));
        model.put("breadcrumbs", navigation.breadcrumbs(outputPath));
        return model;
    }

    /** Every problem found, in file and line order. */
    public List<BuildProblem> problems() {
        Set<BuildProblem> all = new TreeSet<>(Comparator.comparing((BuildProblem p) -> p.file().toString())
                .thenComparingInt(BuildProblem::line).thenComparing(BuildProblem::getMessage));
        builds.values().forEach(build -> all.addAll(build.allProblems()));
        all.addAll(siteProblems);
        all.addAll(course.problems());
        return List.copyOf(all);
    }

    /** Pages written, the home and listing pages included. */
    public int pageCount() {
        return builds.size() + extraPages.size();
    }

    public void writeTo(SiteFolder folder) throws IOException {
        java.util.concurrent.CompletableFuture<String> search = java.util.concurrent.CompletableFuture.supplyAsync(this::searchScript);
        builds.values().parallelStream().forEach(build -> folder.writeText(build.page().outputPath(), build.html()));
        extraPages.forEach(folder::writeText);
        Set<String> files = new TreeSet<>();
        builds.values().forEach(build -> files.addAll(build.links().files()));
        listings.forEach(listing -> files.addAll(listing.files()));
        files.parallelStream().forEach(file -> folder.copy(content.resolve(file), file));
        SiteAssets.write(folder.root(), sources.templates());
        course.publishing().favicon().ifPresent(icon -> folder.copy(icon, "assets/favicon" + extension(icon)));
        course.publishing().siteUrl().ifPresent(site -> folder.writeText("sitemap.xml", sitemap(site)));
        folder.writeText(SearchIndex.FILE, search.join());
    }

    private String sitemap(String site) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        Set<String> written = new TreeSet<>(extraPages.keySet());
        written.remove("404.html");
        course.pages().forEach(page -> written.add(page.outputPath()));
        for (String path : written) {
            xml.append("  <url><loc>").append(XHTMLEnc(site + CourseLinks.encode(path))).append("</loc>");
            PageBuild build = builds.values().stream().filter(b -> b.page().outputPath().equals(path)).findFirst().orElse(null);
            if (build != null) {
                xml.append("<lastmod>").append(updated.of(build.page())).append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
    }

    public String searchScript() {
        List<SearchPage> pages = course.pages().stream().map(page -> builds.get(page.path()))
                .map(build -> new SearchPage(build.page().title(), CourseLinks.encode(build.page().outputPath()), build.search()))
                .collect(Collectors.toList());
        return SearchIndex.script(pages);
    }

    /**
     * What one saved Markdown file changes, redone in place when only its body changed: that page is parsed, linked
     * and rendered again and written into {@code folder}; pages whose links point at its headings are linked again,
     * so their problems follow. Empty when the save changes the course's shape (a title, an order, a draft, a page
     * that could not be read): the caller then renders the whole course again.
     *
     * @return the output paths rewritten
     */
    public Optional<List<String>> pageSaved(Path file, SiteFolder folder) {
        String path = content.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        PageBuild old = builds.get(path);
        if (old == null || !java.nio.file.Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<BuildProblem> readProblems = new ArrayList<>();
        Optional<Page> read = new CourseReader(content).readPage(old.page().source(), readProblems::add);
        if (read.isEmpty() || !readProblems.isEmpty() || course.problems().stream().anyMatch(p -> p.file().equals(old.page().source()))) {
            return Optional.empty();
        }
        Page page = read.get();
        if (!page.title().equals(old.page().title()) || page.order() != old.page().order()) {
            return Optional.empty();
        }
        PageBuild parsed = parse(page);
        builds.put(path, parsed);
        markdown.prepare(List.of(parsed));
        PageBuild rendered = renderPage(link(parsed));
        builds.put(path, rendered);
        folder.writeText(page.outputPath(), rendered.html());
        if (!rendered.outline().anchors().equals(old.outline().anchors())) {
            builds.values().stream().filter(b -> b != rendered && b.links().anchored().contains(path))
                    .forEach(b -> builds.put(b.page().path(), b.linked(links.resolve(b.page(), b.document()))));
        }
        Set<String> newFiles = new TreeSet<>(rendered.links().files());
        newFiles.removeAll(old.links().files());
        newFiles.forEach(f -> folder.copy(content.resolve(f), f));
        return Optional.of(List.of(page.outputPath()));
    }

    /** Copies a saved file that pages link to (an image, a script) into {@code folder}; false when no page links to it. */
    public boolean fileSaved(Path file, SiteFolder folder) {
        String path = content.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        boolean linked = builds.values().stream().anyMatch(b -> b.links().files().contains(path))
                || listings.stream().anyMatch(l -> l.files().contains(path));
        if (linked && java.nio.file.Files.isRegularFile(file)) {
            folder.copy(file, path);
        }
        return linked;
    }
}
