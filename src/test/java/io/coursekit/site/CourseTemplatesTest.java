package io.coursekit.site;

import io.coursekit.testing.CommandRun;
import io.coursekit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A course can bring its own look with --templates; whatever it leaves out comes from the built-in templates. */
class CourseTemplatesTest {
    @TempDir
    Path dir;

    @Test
    void aCoursesOwnPageTemplateAndCssReplaceTheDefaultsAndTheRestStays() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("my-look/static"));
        Files.writeString(templates.resolve("site.css"), "body { background: hotpink; }\n");
        Files.writeString(dir.resolve("my-look/page.ftlh"), """
                <#import "layout.ftlh" as layout>
                <@layout.shell title="${page.title}"><main class="mine"><p>우리 학교</p>${page.body?no_esc}</main></@layout.shell>
                """);
        CommandRun run = CommandRun.of("build", "--content", Fixtures.content().toString(),
                "--out", dir.resolve("site").toString(), "--templates", dir.resolve("my-look").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String session = Files.readString(dir.resolve("site/week_05/day3/session_3.html"));
        assertThat(session).contains("<main class=\"mine\"><p>우리 학교</p>").contains("id=\"theme-toggle\"");
        assertThat(Files.readString(dir.resolve("site/index.html"))).contains("week-cards").doesNotContain("우리 학교");
        assertThat(dir.resolve("site/assets/site.css")).hasContent("body { background: hotpink; }");
        assertThat(dir.resolve("site/assets/site.js")).isRegularFile();
    }

    @Test
    void aTemplateMistakeNamesTheTemplateAndLine() throws IOException {
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/page.ftlh"), "<html>\n<p>${page.nosuchthing}</p>\n</html>\n");
        CommandRun run = CommandRun.of("build", "--content", Fixtures.content().toString(),
                "--out", dir.resolve("site").toString(), "--templates", dir.resolve("broken").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("page.ftlh:2: template error").doesNotContain("\tat ");
    }
}
