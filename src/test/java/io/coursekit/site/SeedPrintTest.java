package io.coursekit.site;

import io.coursekit.testing.CourseBrowser;
import io.coursekit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed lecture printed to A4 by Chromium, as a student would print it: headings kept with their text, few pages. */
class SeedPrintTest {
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page[^s]");

    @TempDir
    Path work;

    @Test
    void theSeedLecturePrintsOnAtMostTwelveA4Pages() throws IOException {
        Path site = work.resolve("site");
        new SiteBuilder(CourseSources.of(Fixtures.seedCourse(work.resolve("course"))), site, true).build();
        try (CourseBrowser browser = CourseBrowser.open()) {
            browser.open(site.resolve("week_05/day3/session_3.html"));
            assertThat(browser.awaitDiagrams()).isEqualTo("ready");
            @SuppressWarnings("unchecked")
            Map<String, Object> pdf = (Map<String, Object>) browser.driver().executeCdpCommand("Page.printToPDF", Map.of(
                    "paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true, "preferCSSPageSize", true));
            String document = new String(Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
            long pages = PAGE.matcher(document).results().count();
            System.out.println("the seed lecture prints on " + pages + " A4 pages");
            assertThat(pages).isBetween(3L, 12L);
        }
    }
}
