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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks and rewrites the links of one page as GitHub would follow them: a Markdown file becomes its page, a folder
 * its README (or the page listing it), {@code /path} starts at the course folder, anchors must name a heading, other
 * files must exist and are copied. Each link that points nowhere is one problem at its line, with the nearest page,
 * file or heading id when one is close.
 */
final class CourseLinks {
    private static final Pattern EXTERNAL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//)");

    private final Path contentRoot;
    private final Course course;
    private final Map<String, Page> pages = new HashMap<>();
    private final Function<String, Set<String>> anchorsOf;

    /** @param anchorsOf the heading ids of a published page, by its path */
    CourseLinks(Path content, Course course, Function<String, Set<String>> anchorsOf) {
        this.contentRoot = content.toAbsolutePath().normalize();
        this.course = course;
        this.anchorsOf = anchorsOf;
        course.pages().forEach(page -> pages.put(page.path(), page));
    }

    PageLinks resolve(Page page, Node document) {
        Resolution resolution = new Resolution(page);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                resolution.rewrite(link, link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                resolution.rewrite(image, image.getDestination());
            }
        });
        return new PageLinks(resolution.hrefs, resolution.problems, resolution.files, resolution.folders, resolution.anchored);
    }

    /** The links of one page as they are resolved. */
    private final class Resolution {
        final Page page;
        final Map<Node, String> hrefs = new IdentityHashMap<>();
        final List<BuildProblem> problems = new ArrayList<>();
        final Set<String> files = new LinkedHashSet<>();
        final Set<String> folders = new LinkedHashSet<>();
        final Set<String> anchored = new LinkedHashSet<>();

        Resolution(Page page) {
            this.page = page;
        }

        void rewrite(Node node, String destination) {
            if (destination == null || destination.isEmpty() || EXTERNAL.matcher(destination).find()) {
                return;
            }
            int hash = destination.indexOf('#');
            String target = hash < 0 ? destination : destination.substring(0, hash);
            String fragment = hash < 0 ? "" : destination.substring(hash);
            String anchor = hash < 0 ? null : decode(destination.substring(hash + 1));
            if (target.contains("?")) {
                target = target.substring(0, target.indexOf('?'));
            }
            if (target.isEmpty()) {
                checkAnchor(page.path(), anchor, node, destination);
                return;
            }
            String decoded = decode(target);
            Path base = decoded.startsWith("/") ? contentRoot : contentRoot.resolve(page.folder());
            Path absolute = base.resolve(decoded.replaceFirst("^/+", "")).normalize();
            if (!absolute.startsWith(contentRoot)) {
                problems.add(problem(node, "broken link " + destination + ": outside the course (" + contentRoot
                        + "); link to a web address instead, or copy the file into the course"));
                return;
            }
            String relative = contentRoot.relativize(absolute).toString().replace('\\', '/');
            Page linked = pages.get(relative);
            if (linked != null) {
                checkAnchor(relative, anchor, node, destination);
                hrefs.put(node, page.rootPrefix() + encode(linked.outputPath()) + fragment);
            } else if (Files.isDirectory(absolute)) {
                folder(node, relative, absolute, anchor, fragment, destination);
            } else if (relative.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
                problems.add(problem(node, "broken link " + destination + ": " + whyNoPage(relative, absolute)));
            } else if (Files.isRegularFile(absolute)) {
                files.add(relative);
            } else if (target.endsWith("/")) {
                problems.add(problem(node, "broken link " + destination + ": no such folder"
                        + didYouMean(target, nearestFile(absolute))));
            } else {
                problems.add(problem(node, "broken link " + destination + ": no such file"
                        + didYouMean(target, nearestFile(absolute))));
            }
        }

        private void folder(Node node, String relative, Path absolute, String anchor, String fragment, String destination) {
            var section = course.section(relative);
            if (section.isPresent()) {
                section.get().index().ifPresent(index -> checkAnchor(index.path(), anchor, node, destination));
                hrefs.put(node, page.rootPrefix() + encode(section.get().outputPath()) + fragment);
            } else if (Files.isRegularFile(absolute.resolve("index.html"))) {
                folders.add(relative);
                hrefs.put(node, page.rootPrefix() + encode(join(relative, "index.html")));
            } else {
                folders.add(relative);
                hrefs.put(node, page.rootPrefix() + encode(join(relative, FolderListing.PAGE)));
            }
        }

        private String whyNoPage(String relative, Path absolute) {
            Unpublished why = course.unpublished().get(relative);
            if (why != null) {
                return switch (why.reason()) {
                    case DRAFT -> "that page is a draft (draft: true in its front matter)";
                    case IGNORED -> "course.yaml ignores that page (ignore: '" + why.where() + "', line " + why.line() + ")";
                    case LEFT_OUT_OF_WEEKS -> "that page is in " + why.where() + ", which the weeks list of course.yaml (line "
                            + why.line() + ") leaves out: add " + why.where() + " there to publish it";
                };
            }
            if (Files.exists(absolute)) {
                return "that file is not part of the course (hidden folders and built sites are skipped)";
            }
            return "no such page" + didYouMean(relative, nearestPage(relative));
        }

        /** A page of the same name elsewhere, or of a near name in the same folder, or else of a near path. */
        private String nearestPage(String relative) {
            String folder = folderOf(relative);
            String name = relative.substring(relative.lastIndexOf('/') + 1);
            List<String> sameName = pages.keySet().stream().filter(p -> p.endsWith("/" + name) || p.equals(name)).toList();
            Optional<String> near = sameName.size() == 1 ? Optional.of(sameName.get(0)) : Optional.empty();
            near = near.or(() -> Suggestion.nearest(name, pages.keySet().stream().filter(p -> folderOf(p).equals(folder))
                            .map(p -> p.substring(p.lastIndexOf('/') + 1)).toList())
                    .map(n -> folder.isEmpty() ? n : folder + "/" + n))
                    .or(() -> Suggestion.nearest(relative, pages.keySet(), Math.max(2, relative.length() / 5)));
            return near.map(this::relativeTo).orElse(null);
        }

        private String nearestFile(Path absolute) {
            Path folder = absolute.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                return null;
            }
            try (Stream<Path> siblings = Files.list(folder)) {
                List<String> names = siblings.map(p -> p.getFileName().toString()).toList();
                return Suggestion.nearest(absolute.getFileName().toString(), names)
                        .map(name -> relativeTo(contentRoot.relativize(folder.resolve(name)).toString().replace('\\', '/')))
                        .orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        }

        private String relativeTo(String path) {
            String relative = Path.of(page.folder().isEmpty() ? "." : page.folder()).relativize(Path.of(path)).toString().replace('\\', '/');
            return relative.startsWith("../") ? relative : "./" + relative;
        }

        private void checkAnchor(String pagePath, String anchor, Node node, String destination) {
            if (anchor == null || anchor.isEmpty()) {
                return;
            }
            anchored.add(pagePath);
            Set<String> ids = anchorsOf.apply(pagePath);
            if (!ids.contains(anchor)) {
                String near = Suggestion.nearest(anchor, new TreeSet<>(ids)).map(id -> "#" + id).orElse(null);
                problems.add(problem(node, "broken anchor " + destination + ": " + pagePath + " has no heading with id '"
                        + anchor + "'" + didYouMean(destination, near)));
            }
        }

        private BuildProblem problem(Node node, String what) {
            List<SourceSpan> spans = node.getSourceSpans();
            int line = page.firstLine() + (spans.isEmpty() ? 0 : spans.get(0).getLineIndex());
            return new BuildProblem(page.source(), line, what);
        }
    }

    private static String didYouMean(String wrong, String near) {
        return near == null || near.equals(wrong) ? "" : "; did you mean " + near + "?";
    }

    private static String folderOf(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    }

    private static String join(String folder, String file) {
        return folder.isEmpty() ? file : folder + "/" + file;
    }

    /** Spaces and the characters a URL gives meaning to are escaped; Hangul stays readable, as browsers accept it. */
    static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case ' ' -> out.append("%20");
                case '#' -> out.append("%23");
                case '?' -> out.append("%3F");
                case '%' -> out.append("%25");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
