package io.coursekit.site;

import io.coursekit.site.search.SearchSection;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * One page through the passes of a build: parsed (document, outline, search text), then linked, then rendered.
 * A later pass returns a copy with its part filled in; earlier parts are never redone for an unchanged page.
 *
 * @param html     the finished page, null until rendered
 * @param problems what rendering the page found (a broken block, a template mistake); link problems are in links
 */
record PageBuild(Page page, Node document, PageOutline outline, List<SearchSection> search, PageLinks links,
                 String html, List<BuildProblem> problems) {

    static PageBuild parsed(Page page, Node document, PageOutline outline, List<SearchSection> search) {
        return new PageBuild(page, document, outline, search, null, null, List.of());
    }

    PageBuild linked(PageLinks resolved) {
        return new PageBuild(page, document, outline, search, resolved, html, problems);
    }

    PageBuild rendered(String page, List<BuildProblem> found) {
        return new PageBuild(this.page, document, outline, search, links, page, List.copyOf(found));
    }

    List<BuildProblem> allProblems() {
        List<BuildProblem> all = new ArrayList<>(links == null ? List.of() : links.problems());
        all.addAll(problems);
        return all;
    }
}
