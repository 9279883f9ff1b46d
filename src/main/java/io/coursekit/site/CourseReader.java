package io.coursekit.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Builds the {@link Course} from content/ by the folder convention week_NN/dayN/{README,session_N,lab_N,challenge_N}.md. */
public final class CourseReader {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Set<String> LANGUAGES = Set.of("ko", "en");

    private final Path content;

    public CourseReader(Path content) {
        this.content = content;
    }

    public Course read() {
        Path yaml = content.resolve("course.yaml");
        if (!Files.isRegularFile(yaml)) {
            throw new BuildProblem(yaml, 1, "course.yaml not found: every course needs one (title, language, weeks)");
        }
        CourseSettings settings = YamlSource.read(yaml, CourseSettings.class);
        if (settings.title() == null || settings.title().isBlank()) {
            throw new BuildProblem(yaml, 1, "course.yaml needs a 'title'");
        }
        String language = settings.language() == null ? "ko" : settings.language();
        if (!LANGUAGES.contains(language)) {
            throw new BuildProblem(yaml, lineOf(yaml, "language"), "language must be one of " + LANGUAGES + ", not '" + language + "'");
        }
        List<Week> weeks = new ArrayList<>();
        for (CourseSettings.WeekEntry entry : weekEntries(settings)) {
            Path folder = content.resolve(entry.folder());
            if (!Files.isDirectory(folder)) {
                throw new BuildProblem(yaml, lineOf(yaml, entry.folder()), "week folder '" + entry.folder() + "' does not exist in " + content);
            }
            weeks.add(readWeek(folder, entry));
        }
        return new Course(settings.title(), language, settings.description(), List.copyOf(weeks));
    }

    private List<CourseSettings.WeekEntry> weekEntries(CourseSettings settings) {
        if (settings.weeks() != null) {
            return settings.weeks();
        }
        return numberedFolders(content, "week").stream()
                .map(p -> CourseSettings.WeekEntry.of(p.getFileName().toString())).toList();
    }

    private Week readWeek(Path folder, CourseSettings.WeekEntry entry) {
        String name = folder.getFileName().toString();
        int number = PageKind.numberOf(name, "week").orElse(0);
        Optional<Page> overview = Files.isRegularFile(folder.resolve("README.md"))
                ? readPage(folder.resolve("README.md"))
                : Optional.empty();
        List<Day> days = new ArrayList<>();
        for (Path dayFolder : numberedFolders(folder, "day")) {
            readDay(dayFolder).ifPresent(days::add);
        }
        String title = entry.title() != null ? entry.title()
                : overview.map(Page::title).orElse("Week " + number);
        return new Week(name, number, title, overview, List.copyOf(days));
    }

    private Optional<Day> readDay(Path folder) {
        Path readme = folder.resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            throw new BuildProblem(folder, 1, "a day folder needs a README.md (the day page with its schedule)");
        }
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md") && Files.isRegularFile(f)).toList()) {
                readPage(file).ifPresent(pages::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.sort(Comparator.comparingInt((Page p) -> p.kind() == PageKind.OVERVIEW ? 0 : 1)
                .thenComparingInt(Page::order).thenComparing(Page::path));
        if (pages.isEmpty() || pages.get(0).kind() != PageKind.OVERVIEW) {
            return Optional.empty();
        }
        String name = folder.getFileName().toString();
        return Optional.of(new Day(relative(folder), PageKind.numberOf(name, "day").orElse(0), pages.get(0).title(), List.copyOf(pages)));
    }

    /** Empty for a draft: drafts are left out of the site. */
    private Optional<Page> readPage(Path file) {
        FrontMatter.Split split = FrontMatter.split(MarkdownSource.read(file), file);
        FrontMatter fm = split.frontMatter();
        if (fm.isDraft()) {
            return Optional.empty();
        }
        PageKind.Placement placement = PageKind.place(file.getFileName().toString());
        String title = fm.title() != null ? fm.title() : firstHeading(split.body()).orElse(file.getFileName().toString());
        int order = fm.order() != null ? fm.order() : placement.order();
        return Optional.of(new Page(file, relative(file), placement.kind(), title, order, split.body(), split.bodyLine()));
    }

    private String relative(Path file) {
        return content.relativize(file).toString().replace('\\', '/');
    }

    static Optional<String> firstHeading(String markdown) {
        boolean inFence = false;
        for (String line : markdown.split("\n")) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            } else if (!inFence) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    return Optional.of(m.group(1).replaceAll("[*_`]", "").trim());
                }
            }
        }
        return Optional.empty();
    }

    private static List<Path> numberedFolders(Path parent, String prefix) {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> PageKind.numberOf(p.getFileName().toString(), prefix).isPresent())
                    .sorted(Comparator.comparingInt(p -> PageKind.numberOf(p.getFileName().toString(), prefix).orElseThrow()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(Path yaml, String needle) {
        List<String> lines = MarkdownSource.read(yaml).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        return 1;
    }
}
