package io.coursekit.site.search;

/**
 * A part of a page that search can lead to: the text under one heading, up to the next heading of level 3 or above.
 *
 * @param heading the heading's text; empty for the part of the page before its first heading
 * @param anchor  the heading's id, empty for the top of the page
 * @param text    the part's words, blocks separated by a space
 */
public record SearchSection(String heading, String anchor, String text) {
}
