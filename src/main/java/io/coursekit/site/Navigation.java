package io.coursekit.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The course's navigation as seen from one output page: the sidebar tree of sections and pages, breadcrumbs,
 * previous and next. URLs are relative to the site root; templates put {@code root} before them, so links work
 * from file:// too. The sidebar holds the top of the course and the sections above the current page, opened,
 * rather than the whole tree on every page: a 359-page course would otherwise repeat 359 links in each.
 */
final class Navigation {
    private final Course course;
    private final Map<String, Integer> readingPlace = new HashMap<>();
    private final Map<String, List<Section>> ancestors = new HashMap<>();
    private final Map<String, Section> sectionPages = new HashMap<>();
    /** Keyed by identity: a page's record equality would hash its whole Markdown. */
    private final Map<CourseEntry, Map<String, Object>> items = new IdentityHashMap<>();

    Navigation(Course course) {
        this.course = course;
        List<Page> order = course.readingOrder();
        for (int i = 0; i < order.size(); i++) {
            readingPlace.put(order.get(i).path(), i);
        }
        index(course.root(), new ArrayList<>());
    }

    private void index(Section section, List<Section> above) {
        List<Section> path = new ArrayList<>(above);
        path.add(section);
        ancestors.put(section.outputPath(), List.copyOf(above));
        sectionPages.put(section.outputPath(), section);
        items.put(section, item(section.title(), section.outputPath(), section.kind().name().toLowerCase()));
        for (CourseEntry child : section.children()) {
            if (child instanceof Section sub) {
                index(sub, path);
            } else {
                Page page = (Page) child;
                ancestors.put(page.outputPath(), List.copyOf(path));
                items.put(page, item(page.title(), page.outputPath(), page.kind().name().toLowerCase()));
            }
        }
        section.index().ifPresent(page -> items.put(page, items.get(section)));
    }

    /** The sidebar: the course's top entries, each section above the current page open with its entries, that page marked. */
    List<Map<String, Object>> sidebar(String current) {
        Set<Section> open = Collections.newSetFromMap(new IdentityHashMap<>());
        open.addAll(ancestors.getOrDefault(current, List.of()));
        Section here = sectionPages.get(current);
        if (here != null) {
            open.add(here);
        }
        return entries(course.root(), current, open);
    }

    private List<Map<String, Object>> entries(Section section, String current, Set<Section> open) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (CourseEntry child : section.children()) {
            if (child instanceof Section sub && sub.hidden()) {
                continue;
            }
            boolean expanded = child instanceof Section sub && open.contains(sub);
            Map<String, Object> entry = new HashMap<>(items.get(child));
            entry.put("current", entry.get("url").equals(CourseLinks.encode(current)));
            entry.put("open", expanded);
            entry.put("children", expanded ? entries((Section) child, current, open) : List.of());
            entries.add(entry);
        }
        return entries;
    }

    /** Home, then every section above the page, each with its URL. */
    List<Map<String, Object>> breadcrumbs(String outputPath) {
        List<Map<String, Object>> crumbs = new ArrayList<>();
        for (Section section : ancestors.getOrDefault(outputPath, List.of())) {
            if (section.kind() != SectionKind.COURSE) {
                crumbs.add(items.get(section));
            }
        }
        return crumbs;
    }

    /** Previous and next pages in reading order; absent at the ends. */
    Map<String, Object> neighbours(Page page) {
        Map<String, Object> around = new LinkedHashMap<>();
        Integer at = readingPlace.get(page.path());
        List<Page> order = course.readingOrder();
        if (at != null && at > 0) {
            around.put("prev", items.get(order.get(at - 1)));
        }
        if (at != null && at + 1 < order.size()) {
            around.put("next", items.get(order.get(at + 1)));
        }
        return around;
    }

    /** A section's visible entries, each section among them with its own entries: a listing page, the home page's cards. */
    List<Map<String, Object>> contents(Section section) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (CourseEntry child : section.children()) {
            if (child instanceof Section sub && sub.hidden()) {
                continue;
            }
            Map<String, Object> entry = new HashMap<>(items.get(child));
            entry.put("children", child instanceof Section sub
                    ? sub.children().stream().filter(c -> !(c instanceof Section s && s.hidden())).map(items::get).toList()
                    : List.of());
            entries.add(entry);
        }
        return entries;
    }

    private static Map<String, Object> item(String title, String url, String kind) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", title);
        item.put("url", CourseLinks.encode(url));
        item.put("kind", kind);
        item.put("current", false);
        item.put("open", false);
        item.put("children", List.of());
        return item;
    }
}
