package io.coursekit.site.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's search data, {@code assets/search-index.js}: every section of every page with its whole text. site.js
 * loads it when the reader first goes to the search box and matches each query word inside words, so {@code 캐시}
 * finds {@code 캐시를} and {@code 캐시는} whatever particle follows, which a Korean reader expects. A script rather
 * than JSON, because browsers refuse to fetch JSON from file:// pages.
 */
public final class SearchIndex {
    public static final String FILE = "assets/search-index.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchIndex() {
    }

    public static String script(List<SearchPage> pages) {
        List<List<Object>> pageRows = new ArrayList<>();
        List<List<Object>> sectionRows = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            SearchPage page = pages.get(p);
            pageRows.add(List.of(page.title(), page.url()));
            for (SearchSection section : page.sections()) {
                sectionRows.add(List.of(p, section.heading(), section.anchor(), section.text()));
            }
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("pages", pageRows);
        index.put("sections", sectionRows);
        try {
            return "window.COURSEKIT_SEARCH = " + JSON.writeValueAsString(index) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
