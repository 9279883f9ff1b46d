package io.coursekit.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * The site's search data as a script ({@code assets/search-index.js}) rather than JSON, because browsers refuse to
 * fetch JSON from file:// pages.
 */
final class SearchIndex {
    private static final int TEXT_LIMIT = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page: title, URL from the site root, headings, and its text for full-text matches. */
    record Entry(String title, String url, List<PageOutline.Entry> headings, String text) {
    }

    private SearchIndex() {
    }

    static String script(List<Entry> entries) {
        List<Map<String, Object>> rows = entries.stream().map(e -> Map.<String, Object>of(
                "t", e.title(), "u", e.url(),
                "h", e.headings().stream().map(h -> Map.of("t", h.text(), "id", h.id())).toList(),
                "x", e.text().length() > TEXT_LIMIT ? e.text().substring(0, TEXT_LIMIT) : e.text())).toList();
        try {
            return "window.COURSEKIT_SEARCH = " + JSON.writeValueAsString(rows) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
