package io.coursekit.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The course as read from content/: course.yaml plus the week → day → page tree. */
public record Course(String title, String language, String description, List<Week> weeks) {

    /** Every page in reading order: week overview, then each day's pages. This order drives prev/next. */
    public List<Page> pagesInOrder() {
        List<Page> pages = new ArrayList<>();
        for (Week week : weeks) {
            week.overview().ifPresent(pages::add);
            week.days().forEach(day -> pages.addAll(day.pages()));
        }
        return pages;
    }

    public Optional<Week> weekOf(Page page) {
        return weeks.stream().filter(w -> page.path().startsWith(w.folder() + "/")).findFirst();
    }

    public Optional<Day> dayOf(Page page) {
        return weeks.stream().flatMap(w -> w.days().stream())
                .filter(d -> d.pages().contains(page)).findFirst();
    }
}
