package io.coursekit.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads any folder of Markdown into a {@link Course}: every Markdown file is a page (drafts and ignored paths aside),
 * every folder holding pages is a section whose README.md is its page. Week and day folders and session, lab and
 * challenge files sort by the bootcamp convention, everything else by natural order. course.yaml is optional.
 */
public final class CourseReader {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.+?)(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}=+\\s*$");
    private static final Pattern HTML_H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern MARKUP = Pattern.compile("<[^>]+>|[*_`]|!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Set<String> LANGUAGES = Set.of("ko", "en");
    /** A folder holding this file is a built site (an --out inside the course), never course content. */
    static final String SITE_MARKER = ".coursekit-site";

    private final Path content;

    public CourseReader(Path content) {
        this.content = content;
    }

    public Course read() {
        Path yaml = content.resolve("course.yaml");
        CourseSettings settings = Files.isRegularFile(yaml) ? YamlSource.read(yaml, CourseSettings.class) : CourseSettings.NONE;
        if (settings.language() != null && !LANGUAGES.contains(settings.language())) {
            throw new BuildProblem(yaml, lineOf(yaml, "language"), "language must be one of " + LANGUAGES + ", not '" + settings.language() + "'");
        }
        Map<String, Unpublished> unpublished = new ConcurrentHashMap<>();
        List<Path> files = markdownFiles(settings, yaml, unpublished);
        Map<String, Page> pages = new ConcurrentHashMap<>();
        List<BuildProblem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        files.parallelStream().forEach(file -> {
            String path = relative(file);
            readPage(file, problems::add).ifPresentOrElse(page -> pages.put(path, page),
                    () -> unpublished.put(path, new Unpublished(Unpublished.Reason.DRAFT, path, 0)));
        });
        leaveOutUnlistedWeeks(settings, yaml, pages, unpublished);

        Map<String, Integer> order = new HashMap<>();
        Map<String, CourseSettings.SectionEntry> entries = new HashMap<>();
        List<CourseSettings.SectionEntry> listed = new ArrayList<>();
        if (settings.weeks() != null) {
            settings.weeks().forEach(week -> listed.add(new CourseSettings.SectionEntry(week.folder(), week.title(), null)));
        }
        listed.addAll(settings.sections());
        for (CourseSettings.SectionEntry entry : listed) {
            String folder = entry.path() == null ? "" : entry.path().replaceAll("^\\./|/+$", "");
            if (folder.contains(" - ")) {
                String first = folder.substring(0, folder.indexOf(" - "));
                throw new BuildProblem(yaml, lineOf(yaml, first) + 1, "'- " + folder.substring(folder.indexOf(" - ") + 3)
                        + "' is indented deeper than '- " + first + "' above it, so YAML reads both as one entry '" + folder
                        + "'; put every '- ' of the list at the same indent");
            }
            if (folder.isEmpty() || !Files.isDirectory(content.resolve(folder))) {
                throw new BuildProblem(yaml, lineOf(yaml, folder.isEmpty() ? "path" : folder), (settings.weeks() != null
                        && settings.weeks().stream().anyMatch(w -> folder.equals(w.folder())) ? "week" : "section")
                        + " folder '" + folder + "' does not exist in " + content);
            }
            order.putIfAbsent(folder, order.size());
            entries.merge(folder, entry, (a, b) -> new CourseSettings.SectionEntry(a.path(),
                    b.title() != null ? b.title() : a.title(), b.hidden() != null ? b.hidden() : a.hidden()));
        }

        Map<String, List<Page>> pagesByFolder = new TreeMap<>();
        Map<String, Set<String>> subfolders = new TreeMap<>();
        for (Page page : pages.values()) {
            pagesByFolder.computeIfAbsent(page.folder(), f -> new ArrayList<>()).add(page);
            for (String folder = page.folder(); !folder.isEmpty(); folder = parentOf(folder)) {
                subfolders.computeIfAbsent(parentOf(folder), f -> new java.util.TreeSet<>()).add(folder);
            }
        }
        Section root = section("", pagesByFolder, subfolders, entries, order);
        String title = settings.title() != null ? settings.title()
                : root.index().map(Page::title).orElse(folderName(content.toAbsolutePath().normalize()));
        String language = settings.language() != null ? settings.language() : languageOf(pages.values());
        return Course.of(title, language, settings.description(), root, unpublished, problems, Publishing.of(settings, yaml, content));
    }

    private Section section(String folder, Map<String, List<Page>> pagesByFolder, Map<String, Set<String>> subfolders,
                            Map<String, CourseSettings.SectionEntry> entries, Map<String, Integer> order) {
        String name = folder.isEmpty() ? "" : folder.substring(folder.lastIndexOf('/') + 1);
        SectionKind.Naming naming = folder.isEmpty() ? new SectionKind.Naming(SectionKind.COURSE, 0) : SectionKind.of(name);
        List<Page> here = pagesByFolder.getOrDefault(folder, List.of());
        Optional<Page> index = here.stream().filter(p -> p.kind() == PageKind.OVERVIEW).findFirst();
        List<CourseEntry> children = new ArrayList<>(here.stream().filter(p -> index.map(i -> i != p).orElse(true)).toList());
        for (String sub : subfolders.getOrDefault(folder, Set.of())) {
            children.add(section(sub, pagesByFolder, subfolders, entries, order));
        }
        children.sort(Comparator.comparingInt((CourseEntry e) -> e instanceof Section s ? order.getOrDefault(s.folder(), Integer.MAX_VALUE) : Integer.MAX_VALUE)
                .thenComparingInt(CourseReader::group)
                .thenComparingInt(e -> e instanceof Page p ? p.order() : ((Section) e).number())
                .thenComparing(e -> e instanceof Page p ? p.path() : ((Section) e).folder(), NaturalOrder.INSTANCE));
        CourseSettings.SectionEntry entry = entries.get(folder);
        String title = entry != null && entry.title() != null ? entry.title()
                : index.map(Page::title).orElseGet(() -> folderTitle(name, naming));
        return new Section(folder, naming.kind(), naming.number(), title, index, List.copyOf(children),
                entry != null && entry.isHidden());
    }

    /** Week and day folders and numbered pages first, then other pages, then other folders. */
    private static int group(CourseEntry entry) {
        if (entry instanceof Page page) {
            return page.order() < PageKind.OTHER.ordinal() * 1000 ? 0 : 1;
        }
        return ((Section) entry).kind() == SectionKind.FOLDER ? 2 : 0;
    }

    private List<Path> markdownFiles(CourseSettings settings, Path yaml, Map<String, Unpublished> unpublished) {
        List<PathMatcher> ignored = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (String pattern : settings.ignore()) {
            String glob = pattern.replaceAll("^\\./|/+$", "");
            patterns.add(pattern);
            ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + (glob.contains("/") ? glob : "{" + glob + ",**/" + glob + "}")));
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(content, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(content)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    if (name.startsWith(".") || name.equals("node_modules") || Files.exists(dir.resolve(SITE_MARKER))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (!attrs.isRegularFile() || name.startsWith(".") || !name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path relative = content.relativize(file);
                    for (int i = 0; i < ignored.size(); i++) {
                        if (matchesOrIsInside(ignored.get(i), relative)) {
                            String path = relative.toString().replace('\\', '/');
                            unpublished.put(path, new Unpublished(Unpublished.Reason.IGNORED, patterns.get(i), lineOf(yaml, patterns.get(i))));
                            return FileVisitResult.CONTINUE;
                        }
                    }
                    files.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean matchesOrIsInside(PathMatcher matcher, Path relative) {
        for (Path p = relative; p != null; p = p.getParent()) {
            if (matcher.matches(p)) {
                return true;
            }
        }
        return false;
    }

    private void leaveOutUnlistedWeeks(CourseSettings settings, Path yaml, Map<String, Page> pages, Map<String, Unpublished> unpublished) {
        if (settings.weeks() == null) {
            return;
        }
        Set<String> listed = new java.util.HashSet<>(settings.weeks().stream().map(CourseSettings.WeekEntry::folder).toList());
        int line = lineOf(yaml, "weeks");
        pages.keySet().removeIf(path -> {
            String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
            if (!top.isEmpty() && SectionKind.of(top).kind() == SectionKind.WEEK && !listed.contains(top)) {
                unpublished.put(path, new Unpublished(Unpublished.Reason.LEFT_OUT_OF_WEEKS, top, line));
                return true;
            }
            return false;
        });
    }

    /**
     * Empty for a draft: drafts are left out of the site. A page that cannot be read (not UTF-8, broken front
     * matter) is still a page, empty, so links to it work; its problem goes to {@code problems}.
     */
    Optional<Page> readPage(Path file, java.util.function.Consumer<BuildProblem> problems) {
        String path = relative(file);
        String name = file.getFileName().toString();
        String fileTitle = name.substring(0, name.length() - ".md".length());
        PageKind.Placement placement = PageKind.place(name);
        FrontMatter.Split split;
        try {
            split = FrontMatter.split(MarkdownSource.read(file), file);
        } catch (BuildProblem problem) {
            problems.accept(problem);
            return Optional.of(new Page(file, path, placement.kind(), fileTitle, placement.order(), "", 1, null));
        }
        FrontMatter fm = split.frontMatter();
        if (fm.isDraft()) {
            return Optional.empty();
        }
        String title = fm.title() != null ? fm.title() : firstHeading(split.body()).orElse(fileTitle);
        int order = fm.order() != null ? fm.order() : placement.order();
        return Optional.of(new Page(file, path, placement.kind(), title, order, split.body(), split.bodyLine(), fm.description()));
    }

    private String relative(Path file) {
        return content.relativize(file).toString().replace('\\', '/');
    }

    private static String parentOf(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }

    private static String folderName(Path folder) {
        Path name = folder.getFileName();
        return name == null ? "Course" : name.toString();
    }

    /** {@code week_03_supplement} → "Week 3 supplement", {@code day1_eks_setup} → "Day 1 eks setup", {@code real_project} → "Real project". */
    static String folderTitle(String name, SectionKind.Naming naming) {
        String words = name.replaceAll("[_-]+", " ").strip();
        if (naming.kind() == SectionKind.WEEK || naming.kind() == SectionKind.DAY) {
            String rest = words.replaceFirst("(?i)^(week|day)\\s*0*\\d+\\s*", "");
            return (naming.kind() == SectionKind.WEEK ? "Week " : "Day ") + naming.number() + (rest.isEmpty() ? "" : " " + rest);
        }
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Korean when Hangul is a good part of the letters (Korean lectures are full of English terms), English when
     * there is text and little Hangul. The first 200,000 letters tell.
     */
    private static String languageOf(Iterable<Page> pages) {
        long hangul = 0;
        long latin = 0;
        for (Page page : pages) {
            String text = page.markdown();
            for (int i = 0; i < text.length() && hangul + latin < 200_000; i++) {
                char c = text.charAt(i);
                if (c >= '\uAC00' && c <= '\uD7A3') {
                    hangul++;
                } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    latin++;
                }
            }
        }
        return hangul * 5 >= latin || latin == 0 ? "ko" : "en";
    }

    static Optional<String> firstHeading(String markdown) {
        boolean inFence = false;
        String previous = "";
        for (String line : markdown.split("\n")) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            } else if (!inFence) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    return Optional.of(plain(m.group(1)));
                }
                if (SETEXT.matcher(line).matches() && !previous.isBlank()) {
                    return Optional.of(plain(previous));
                }
                Matcher h1 = HTML_H1.matcher(line);
                if (h1.find()) {
                    return Optional.of(plain(h1.group(1))).filter(t -> !t.isEmpty());
                }
            }
            previous = line;
        }
        return Optional.empty();
    }

    private static String plain(String heading) {
        return MARKUP.matcher(heading).replaceAll(m -> m.group(1) != null ? Matcher.quoteReplacement(m.group(1)) : "").strip();
    }

    static int lineOf(Path yaml, String needle) {
        if (!Files.isRegularFile(yaml)) {
            return 1;
        }
        List<String> lines = MarkdownSource.read(yaml).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        return 1;
    }
}
