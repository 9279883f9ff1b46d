package io.coursekit.site;

import io.coursekit.testing.CommandRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A course shaped like a real 359-file Korean bootcamp repository, built as it is: no course.yaml, day folders like
 * day1_eks_setup, guide/, special_lecture/&lt;topic&gt;/README.md, a supplement week whose days have no README, extra
 * files at every level, links to folders, 30 KB pages, emoji at every place a text could be cut, and two links that
 * really do leave the course. It has every shape of the real one in 120 files; {@code bench build} times all 359.
 */
class RealCourseTest {
    @TempDir
    static Path dir;
    static Path content;
    static List<String> markdown;

    @BeforeAll
    static void generate() throws IOException {
        content = GeneratedCourse.write(dir.resolve("bootcamp"), 120, 30);
        Files.writeString(content.resolve("special_lecture/finops/emoji_cuts.md"), emojiAtEveryCut());
        Files.writeString(content.resolve("real_project/outside.md"), """
                # 밖으로 나가는 링크

                [다른 저장소](../../other-repo/README.md)

                ![호스트 파일](../../../../etc/hosts)
                """);
        try (Stream<Path> files = Files.walk(content)) {
            markdown = files.filter(f -> f.toString().endsWith(".md")).map(f -> content.relativize(f).toString()).sorted().toList();
        }
    }

    /** Paragraphs of emoji shifted by one UTF-16 unit each, so whatever offset text is cut at, one cut splits a pair. */
    private static String emojiAtEveryCut() {
        StringBuilder md = new StringBuilder("# 🆕 이모지 경계\n\n");
        for (int shift = 0; shift < 2; shift++) {
            md.append("가".repeat(shift)).append("🆕🎯".repeat(2500)).append("\n\n");
        }
        return md.append("마지막 문단의 낱말 희귀어휘\n").toString();
    }

    @Test
    void strictModeReportsOnlyTheLinksThatLeaveTheCourse() {
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("strict").toString());
        Path outside = content.resolve("real_project/outside.md");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                outside + ":3: broken link ../../other-repo/README.md: outside the course (" + content.toAbsolutePath()
                        + "); link to a web address instead, or copy the file into the course",
                outside + ":5: broken link ../../../../etc/hosts: outside the course (" + content.toAbsolutePath()
                        + "); link to a web address instead, or copy the file into the course",
                "build failed: 2 problems");
        assertThat(dir.resolve("strict")).doesNotExist();
    }

    @Test
    void noStrictBuildsEveryFileIntoAPageTheNavigationReaches() throws IOException {
        Path site = dir.resolve("site");
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", site.toString(), "--no-strict");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().toList()).hasSize(2).allMatch(line -> line.contains("outside the course"));
        assertThat(markdown).hasSize(122);

        Set<Path> reached = reachableFrom(site.resolve("index.html"));
        for (String file : markdown) {
            Path page = site.resolve(Page.outputPathOf(file.replace('\\', '/')));
            assertThat(page).as("page for %s", file).isRegularFile();
            assertThat(reached).as("navigation reaches %s", file).contains(page);
        }
        assertThat(site.resolve("week_03_supplement/day1/index.html")).as("a day folder without README gets a listing page").isRegularFile();
        assertThat(site.resolve("lab_scripts/lab1/docker-images/monolith/index.html")).as("a linked folder of scripts").isRegularFile();
        assertThat(site.resolve("lab_scripts/lab1/docker-images/monolith/Dockerfile")).isRegularFile();
        assertThat(Files.readString(site.resolve("assets/search-index.js"))).contains("마지막 문단의 낱말 희귀어휘");

        CommandRun again = CommandRun.of("build", "--content", content.toString(), "--out", site.toString(), "--no-strict");
        assertThat(again.exitCode()).as("a second build replaces the first").isZero();
    }

    @Test
    void theCourseNeedsNoSettings() throws IOException {
        Course course = new CourseReader(content).read();
        assertThat(course.title()).isEqualTo("☁️ 클라우드 네이티브 부트캠프");
        assertThat(course.language()).isEqualTo("ko");
        Section december = course.section("december/week_01").orElseThrow();
        assertThat(december.kind()).isEqualTo(SectionKind.WEEK);
        assertThat(december.children()).first().isInstanceOfSatisfying(Section.class, day -> {
            assertThat(day.folder()).isEqualTo("december/week_01/day1_eks_setup");
            assertThat(day.kind()).isEqualTo(SectionKind.DAY);
            assertThat(day.number()).isEqualTo(1);
        });
        assertThat(course.root().children().stream().map(CourseEntry::title).toList().subList(0, 3))
                .as("weeks first, in natural order").allMatch(t -> t.startsWith("Week 1") || t.startsWith("Week 2") || t.startsWith("Week 3"));
        Section supplement = course.section("week_03_supplement/day1").orElseThrow();
        assertThat(supplement.title()).isEqualTo("Day 1");
        assertThat(supplement.index()).isEmpty();
        assertThat(supplement.children().stream().map(e -> ((Page) e).path()).toList())
                .as("sessions, then labs, then the day's other files").containsExactly(
                        "week_03_supplement/day1/session_1.md", "week_03_supplement/day1/session_2.md",
                        "week_03_supplement/day1/session_3.md", "week_03_supplement/day1/lab_1.md",
                        "week_03_supplement/day1/demo_guide.md");
    }

    private static Set<Path> reachableFrom(Path start) throws IOException {
        Set<Path> seen = new HashSet<>();
        Deque<Path> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Path page = queue.pop();
            if (!seen.add(page)) {
                continue;
            }
            Document html = Jsoup.parse(page.toFile(), "UTF-8", page.toUri().toString());
            for (String href : html.select(".sidebar a, .pager a, .week-card a, .home-pages a, .listing-entries a, .breadcrumbs a").eachAttr("abs:href")) {
                if (href.startsWith("file:") && href.replaceAll("#.*$", "").endsWith(".html")) {
                    Path target = Path.of(URI.create(href.replaceAll("#.*$", ""))).normalize();
                    if (Files.isRegularFile(target) && !seen.contains(target)) {
                        queue.push(target);
                    }
                }
            }
        }
        return seen;
    }
}
