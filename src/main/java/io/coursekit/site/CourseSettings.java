package io.coursekit.site;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/** content/course.yaml. */
record CourseSettings(String title, String language, String description, List<WeekEntry> weeks) {

    /** A week in course.yaml: just its folder ({@code - week_05}) or {@code {folder: week_05, title: ...}}. */
    record WeekEntry(String folder, String title) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static WeekEntry of(String folder) {
            return new WeekEntry(folder, null);
        }
    }
}
