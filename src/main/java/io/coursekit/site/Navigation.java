package io.coursekit.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The course's navigation as seen from one page: sidebar tree, breadcrumbs, previous and next. Links are relative. */
final class Navigation {
    private final Course course;
    private final List<Page> readingOrder;
    private final Map<String, String> labels;

    Navigation(Course course, Map<String, String> labels) {
        this.course = course;
        this.readingOrder = course.pagesInOrder();
        this.labels = labels;
    }

    /** The sidebar: week → day → that day's pages, with the current ones marked. {@code from} is null on the home page. */
    List<Map<String, Object>> sidebar(Page from) {
        String root = from == null ? "" : from.rootPrefix();
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (Week week : course.weeks()) {
            List<Map<String, Object>> days = new ArrayList<>();
            boolean weekCurrent = week.overview().map(p -> p == from).orElse(false);
            for (Day day : week.days()) {
                List<Map<String, Object>> pages = new ArrayList<>();
                boolean dayCurrent = false;
                for (Page page : day.pages()) {
                    boolean current = page == from;
                    dayCurrent |= current;
                    pages.add(link(root, page, current));
                }
                weekCurrent |= dayCurrent;
                Map<String, Object> d = link(root, day.overview(), day.overview() == from);
                d.put("title", day.title());
                d.put("open", dayCurrent);
                d.put("pages", pages.subList(1, pages.size()));
                days.add(d);
            }
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("title", week.title());
            w.put("url", week.overview().map(p -> root + p.outputPath()).orElse(""));
            w.put("current", week.overview().map(p -> p == from).orElse(false));
            w.put("open", weekCurrent || from == null);
            w.put("days", days);
            weeks.add(w);
        }
        return weeks;
    }

    List<Map<String, Object>> breadcrumbs(Page page) {
        String root = page.rootPrefix();
        List<Map<String, Object>> crumbs = new ArrayList<>();
        crumbs.add(Map.of("title", labels.get("home"), "url", root + "index.html"));
        course.weekOf(page).ifPresent(week -> {
            String url = week.overview().map(p -> root + p.outputPath()).orElse("");
            if (week.overview().orElse(null) != page) {
                crumbs.add(Map.of("title", week.title(), "url", url));
            }
        });
        course.dayOf(page).filter(day -> day.overview() != page)
                .ifPresent(day -> crumbs.add(Map.of("title", day.title(), "url", root + day.overview().outputPath())));
        return crumbs;
    }

    /** Previous and next pages in reading order; absent at the ends. */
    Map<String, Object> neighbours(Page page) {
        int at = readingOrder.indexOf(page);
        Map<String, Object> around = new LinkedHashMap<>();
        if (at > 0) {
            around.put("prev", link(page.rootPrefix(), readingOrder.get(at - 1), false));
        }
        if (at >= 0 && at + 1 < readingOrder.size()) {
            around.put("next", link(page.rootPrefix(), readingOrder.get(at + 1), false));
        }
        return around;
    }

    private static Map<String, Object> link(String root, Page page, boolean current) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("title", page.title());
        link.put("url", root + page.outputPath());
        link.put("kind", page.kind().name().toLowerCase());
        link.put("current", current);
        return link;
    }
}
