package io.coursekit.site;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks and rewrites the links of one page: Markdown links become links between pages, anchors must name a heading,
 * referenced files must exist (they are copied next to the page). Each broken one becomes a problem at its line.
 */
final class CourseLinks {
    private static final Pattern EXTERNAL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//)");

    private final Path content;
    private final Map<String, Set<String>> anchorsByPage;

    /** @param anchorsByPage every published page's path (relative to content, '/' separated) and its heading ids */
    CourseLinks(Path content, Map<String, Set<String>> anchorsByPage) {
        this.content = content;
        this.anchorsByPage = anchorsByPage;
    }

    /** Rewrites the page's links in place; reports problems and the files to copy. */
    void resolve(Page page, Node document, Consumer<BuildProblem> problems, Consumer<String> filesToCopy) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(rewrite(page, link, link.getDestination(), problems, filesToCopy));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(rewrite(page, image, image.getDestination(), problems, filesToCopy));
            }
        });
    }

    private String rewrite(Page page, Node node, String destination, Consumer<BuildProblem> problems, Consumer<String> filesToCopy) {
        if (destination.isEmpty() || EXTERNAL.matcher(destination).find()) {
            return destination;
        }
        int hash = destination.indexOf('#');
        String target = hash < 0 ? destination : destination.substring(0, hash);
        String anchor = hash < 0 ? null : decode(destination.substring(hash + 1));
        if (target.isEmpty()) {
            checkAnchor(page.path(), anchor, page, node, destination, problems);
            return destination;
        }
        String pathPart = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        Path resolved = page.source().getParent().resolve(decode(pathPart)).normalize();
        Path contentRoot = content.toAbsolutePath().normalize();
        Path absolute = resolved.toAbsolutePath().normalize();
        if (!absolute.startsWith(contentRoot)) {
            problems.accept(problem(page, node, "broken link " + destination + ": points outside the course folder"));
            return destination;
        }
        String relative = contentRoot.relativize(absolute).toString().replace('\\', '/');
        if (Files.isDirectory(absolute) && anchorsByPage.containsKey(join(relative, "README.md"))) {
            relative = join(relative, "README.md");
        }
        if (anchorsByPage.containsKey(relative)) {
            checkAnchor(relative, anchor, page, node, destination, problems);
            return page.rootPrefix() + Page.outputPathOf(relative) + (hash < 0 ? "" : destination.substring(hash));
        }
        if (relative.endsWith(".md")) {
            String why = Files.exists(absolute) ? "that page is a draft or outside week_NN/dayN" : "no such page";
            problems.accept(problem(page, node, "broken link " + destination + ": " + why));
        } else if (!Files.isRegularFile(absolute)) {
            problems.accept(problem(page, node, "broken link " + destination + ": no such file"));
        } else {
            filesToCopy.accept(relative);
        }
        return destination;
    }

    private void checkAnchor(String pagePath, String anchor, Page page, Node node, String destination, Consumer<BuildProblem> problems) {
        if (anchor != null && !anchor.isEmpty() && !anchorsByPage.get(pagePath).contains(anchor)) {
            problems.accept(problem(page, node, "broken anchor " + destination + ": " + pagePath + " has no heading with id '" + anchor + "'"));
        }
    }

    private static String join(String folder, String file) {
        return folder.isEmpty() ? file : folder + "/" + file;
    }

    private static BuildProblem problem(Page page, Node node, String what) {
        List<SourceSpan> spans = node.getSourceSpans();
        int line = page.firstLine() + (spans.isEmpty() ? 0 : spans.get(0).getLineIndex());
        return new BuildProblem(page.source(), line, what);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
