package io.coursekit.site;

import io.coursekit.site.diagrams.MermaidDiagrams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code coursekit build}: renders the course in memory, then writes the site beside the old one and swaps it in, so
 * a failed build leaves the previous site whole. Strict builds stop on any problem; lenient ones write the site and
 * return the problems as warnings.
 */
public final class SiteBuilder {
    private final CourseSources sources;
    private final Path out;
    private final boolean strict;
    private final MermaidDiagrams diagrams;

    public SiteBuilder(CourseSources sources, Path out, boolean strict) {
        this(sources, out, strict, MermaidDiagrams.standard());
    }

    /** @param diagrams draws the course's Mermaid blocks (its cache and Chromium); keep one across rebuilds */
    public SiteBuilder(CourseSources sources, Path out, boolean strict, MermaidDiagrams diagrams) {
        this.sources = sources;
        this.out = out;
        this.strict = strict;
        this.diagrams = diagrams;
    }

    public SiteBuild build() {
        long started = System.nanoTime();
        SiteFolder.refuseForeign(out);
        CourseSite site = CourseSite.render(sources, diagrams);
        List<BuildProblem> problems = site.problems();
        if (strict && !problems.isEmpty()) {
            throw new BuildFailure(problems);
        }
        SiteFolder folder = SiteFolder.aside(out);
        try {
            site.writeTo(folder);
            folder.commit();
        } catch (IOException e) {
            folder.abandon();
            throw new UncheckedIOException("cannot write the site to " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            folder.abandon();
            throw e;
        }
        return new SiteBuild(out, site.pageCount(), problems, (System.nanoTime() - started) / 1_000_000);
    }
}
