package io.coursekit.site;

import java.util.List;

/** A day folder ({@code dayN}): its README is the day page, followed by sessions, labs and challenges. */
public record Day(String folder, int number, String title, List<Page> pages) {

    public Page overview() {
        return pages.get(0);
    }
}
