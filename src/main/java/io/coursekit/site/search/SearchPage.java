package io.coursekit.site.search;

import java.util.List;

/** A page as search sees it: its title, its URL from the site root, and its sections in order. */
public record SearchPage(String title, String url, List<SearchSection> sections) {
}
