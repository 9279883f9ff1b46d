package io.coursekit.site.preview;

import io.coursekit.UserError;
import io.coursekit.site.BuildProblem;
import io.coursekit.site.CourseSite;
import io.coursekit.site.CourseSources;
import io.coursekit.site.SiteFolder;
import io.coursekit.site.diagrams.MermaidDiagrams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * serve's rebuilding: the course stays rendered in memory, and a saved page is rendered again alone (with the pages
 * whose links it affects), while a change to the course's shape, its settings, templates or lab packs renders it
 * all again into a fresh folder. Problems never stop the preview: they are kept for the banner, and a course that
 * cannot be read at all keeps the last site on show.
 */
final class PreviewBuilds implements AutoCloseable {
    /** One build of the preview, as open pages learn of it. */
    record Outcome(int build, List<String> problems, List<String> pages, boolean all, long millis) {
    }

    private final CourseSources sources;
    private final Path base;
    private final Consumer<String> log;
    /** One for the whole preview: its Chromium and cache serve every rebuild, and its notice is given once. */
    private final MermaidDiagrams diagrams;
    private CourseSite site;
    private Path root;
    private volatile Outcome last = new Outcome(0, List.of(), List.of(), true, 0);
    private volatile String searchScript;

    PreviewBuilds(CourseSources sources, MermaidDiagrams diagrams, Consumer<String> log) throws IOException {
        this.sources = sources;
        this.diagrams = diagrams;
        this.log = log;
        this.base = Files.createTempDirectory("coursekit-serve");
    }

    Outcome last() {
        return last;
    }

    /** The folder the site is served from now. */
    synchronized Path root() {
        return root;
    }

    synchronized String searchScript() {
        if (searchScript == null && site != null) {
            searchScript = site.searchScript();
        }
        return searchScript == null ? "window.COURSEKIT_SEARCH = {\"pages\":[],\"sections\":[]};\n" : searchScript;
    }

    /** Renders the whole course into a new folder and serves from it. */
    synchronized Outcome buildAll() {
        long started = System.nanoTime();
        try {
            CourseSite fresh = CourseSite.render(sources, diagrams);
            Path folder = Files.createTempDirectory(base, "site-");
            fresh.writeTo(SiteFolder.live(folder));
            Path old = root;
            site = fresh;
            root = folder;
            searchScript = null;
            if (old != null) {
                SiteFolder.deleteTree(old);
            }
            return publish(problemsOf(fresh), List.of(), true, started);
        } catch (UserError error) {
            return publish(List.of(error.getMessage()), List.of(), root == null, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Redoes what the saved, created or deleted files change. */
    synchronized Outcome changed(Set<Path> files) {
        if (site == null) {
            return buildAll();
        }
        long started = System.nanoTime();
        List<String> pages = new ArrayList<>();
        Path content = sources.content().toAbsolutePath().normalize();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!absolute.startsWith(content) || Files.isDirectory(absolute) || absolute.equals(content.resolve("course.yaml"))
                    || absolute.startsWith(content.resolve("pricing"))) {
                return buildAll();
            }
            if (absolute.getFileName().toString().toLowerCase().endsWith(".md")) {
                Optional<List<String>> rewritten = site.pageSaved(absolute, SiteFolder.live(root));
                if (rewritten.isEmpty()) {
                    return buildAll();
                }
                pages.addAll(rewritten.get());
            } else {
                boolean linked = site.fileSaved(absolute, SiteFolder.live(root));
                String name = absolute.getFileName().toString();
                boolean awaited = site.problems().stream().anyMatch(p -> p.getMessage().contains(name));
                if (!Files.exists(absolute) || (!linked && awaited)) {
                    return buildAll();
                }
            }
        }
        searchScript = null;
        return publish(problemsOf(site), pages, false, started);
    }

    private Outcome publish(List<String> problems, List<String> pages, boolean all, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        Outcome outcome = new Outcome(last.build() + 1, problems, pages, all, millis);
        last = outcome;
        log.accept((all ? "built the whole course" : "rebuilt " + String.join(", ", pages)) + " in " + millis + " ms"
                + (problems.isEmpty() ? "" : "; " + problems.size() + (problems.size() == 1 ? " problem" : " problems")));
        return outcome;
    }

    private static List<String> problemsOf(CourseSite site) {
        return site.problems().stream().map(BuildProblem::getMessage).toList();
    }

    @Override
    public synchronized void close() throws IOException {
        SiteFolder.deleteTree(base);
    }
}
