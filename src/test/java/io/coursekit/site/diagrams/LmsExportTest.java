package io.coursekit.site.diagrams;

import io.coursekit.testing.CommandRun;
import io.coursekit.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** coursekit export lms: the course as Markdown whose diagrams are image links to files named by content hash. */
class LmsExportTest {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(([^)]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t>]*```mermaid[ \\t]*$");

    @TempDir
    Path dir;
    Path out;

    @BeforeEach
    void chromium() {
        Fixtures.assumeChromium();
        out = dir.resolve("lms");
    }

    @Test
    void everyDiagramOfTheCourseBecomesAPngThatItsLinkReaches() throws IOException {
        Path content = Fixtures.content();
        CommandRun run = CommandRun.of("export", "lms", "--content", content.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        int blocks = 0;
        int links = 0;
        for (Path source : files(content)) {
            Path exported = out.resolve(content.relativize(source).toString());
            assertThat(exported).exists();
            if (!source.toString().endsWith(".md")) {
                assertThat(Files.readAllBytes(exported)).as("copied as it is: %s", source).isEqualTo(Files.readAllBytes(source));
                continue;
            }
            String original = Files.readString(source);
            String markdown = Files.readString(exported);
            blocks += count(FENCE.matcher(original));
            assertThat(markdown).doesNotContain("```mermaid");
            Matcher image = IMAGE.matcher(markdown);
            while (image.find()) {
                if (!image.group(2).contains("diagrams/")) {
                    continue;
                }
                links++;
                Path picture = exported.getParent().resolve(image.group(2)).normalize();
                assertThat(picture).as("%s links %s", exported, image.group(2)).isRegularFile();
                assertThat(picture.getFileName().toString()).matches("[0-9a-f]{16}\\.png");
                BufferedImage png = ImageIO.read(picture.toFile());
                assertThat(png.getWidth()).isGreaterThan(100);
                assertThat(image.group(1)).as("alt text").isNotBlank();
            }
            assertThat(withoutDiagrams(markdown)).as("every other line of %s as it was", source)
                    .isEqualTo(withoutDiagrams(original));
        }
        assertThat(links).isEqualTo(blocks).isGreaterThanOrEqualTo(18);
        try (Stream<Path> pictures = Files.list(out.resolve("diagrams"))) {
            assertThat(pictures.count()).as("one file per distinct diagram").isBetween(2L, (long) blocks);
        }
        assertThat(run.out()).contains("exported").contains(blocks + " diagrams");
    }

    @Test
    void withAnImageBaseLinksPointThereAndSvgFilesAreStandaloneSvg() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content/week_01/day1"));
        Files.writeString(content.resolve("session_1.md"), """
                # 세션

                > 인용 안의 그림:
                > ```mermaid
                > graph LR
                >   A --> B
                > ```

                ```mermaid
                sequenceDiagram
                    accTitle: 캐시 조회 순서
                    A->>B: GET
                ```
                끝
                """);
        CommandRun run = CommandRun.of("export", "lms", "--content", dir.resolve("content").toString(), "--out", out.toString(),
                "--format", "svg", "--image-base", "https://lms.example.edu/files/course/");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String markdown = Files.readString(out.resolve("week_01/day1/session_1.md"));
        List<String> lines = markdown.lines().toList();
        assertThat(lines.get(3)).matches("> !\\[diagram: graph LR]\\(https://lms\\.example\\.edu/files/course/[0-9a-f]{16}\\.svg\\)");
        assertThat(lines.get(5)).matches("!\\[캐시 조회 순서]\\(https://lms\\.example\\.edu/files/course/[0-9a-f]{16}\\.svg\\)");
        assertThat(lines.get(6)).isEqualTo("끝");
        Matcher image = IMAGE.matcher(markdown);
        while (image.find()) {
            Path svg = out.resolve("diagrams").resolve(image.group(2).substring(image.group(2).lastIndexOf('/') + 1));
            assertThat(Files.readString(svg)).startsWith("<svg").contains("xmlns=\"http://www.w3.org/2000/svg\"");
        }
    }

    @Test
    void aBrokenDiagramStopsTheExportAtItsFileAndLine() throws IOException {
        Path day = Files.createDirectories(dir.resolve("content/week_01/day1"));
        Files.writeString(day.resolve("session_1.md"), "# 세션\n\n```mermaid\npie title 비율\n  \"적중\" 80\n```\n");
        CommandRun run = CommandRun.of("export", "lms", "--content", dir.resolve("content").toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()[0]).startsWith(day.resolve("session_1.md") + ":5: mermaid: ");
        assertThat(out).doesNotExist();
    }

    @Test
    void itNeverWritesIntoAFolderItDidNotMake() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        CommandRun run = CommandRun.of("export", "lms", "--content", Fixtures.content().toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("refusing to write into").contains("was not made by coursekit build or export");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
    }

    private static String withoutDiagrams(String markdown) {
        return markdown.replaceAll("(?m)^([ \\t>]*)```mermaid[ \\t]*\\n(?s:.*?)\\n[ \\t>]*```[ \\t]*$", "$1DIAGRAM")
                .replaceAll("(?m)^([ \\t>]*)!\\[[^\\]]*]\\([^)]*diagrams/[0-9a-f]{16}\\.png\\)$", "$1DIAGRAM");
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
