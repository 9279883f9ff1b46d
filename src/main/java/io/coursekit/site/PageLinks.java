package io.coursekit.site;

import org.commonmark.node.Node;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The links of one page, resolved against the course.
 *
 * @param hrefs    the rewritten destination of each link or image node whose destination changes
 * @param problems links and anchors that point nowhere, each at its line
 * @param files    files the page links to (images, scripts), to copy into the site, relative to the content folder
 * @param folders  folders without Markdown the page links to: each gets a page listing its files
 * @param anchored pages whose heading ids this page depends on, by path
 */
record PageLinks(Map<Node, String> hrefs, List<BuildProblem> problems, Set<String> files, Set<String> folders,
                 Set<String> anchored) {
}
