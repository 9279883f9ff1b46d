package io.coursekit.portal;

import java.util.List;

/**
 * Who reads a report, and so which checks it shows: students see visible checks, and after the due date the
 * checks marked {@code after_due_date}; only the instructor sees {@code hidden} ones.
 */
public enum ReportView {
    BEFORE_DUE("before-due"),
    AFTER_DUE("after-due"),
    INSTRUCTOR("instructor");

    private final String folder;

    ReportView(String folder) {
        this.folder = folder;
    }

    /** The folder of a graded submission that holds this view's reports. */
    public String folder() {
        return folder;
    }

    public boolean shows(String visibility) {
        return switch (visibility) {
            case "visible" -> true;
            case "after_due_date" -> this != BEFORE_DUE;
            default -> this == INSTRUCTOR;
        };
    }

    /** This view and the wider ones after it: a view that would show the same checks as the next is not written. */
    public List<ReportView> andWider() {
        return List.of(values()).subList(ordinal(), values().length);
    }
}
