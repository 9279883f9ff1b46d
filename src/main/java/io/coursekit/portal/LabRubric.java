package io.coursekit.portal;

import java.util.List;

/** What the portal knows of a lab: its checks, their points and when students may see them. */
public record LabRubric(String id, String title, List<RubricCheck> checks) {

    public LabRubric {
        checks = List.copyOf(checks);
    }

    /** @param visibility {@code visible}, {@code after_due_date} or {@code hidden}, as in lab.yaml */
    public record RubricCheck(String id, int points, boolean extraCredit, String visibility) {
    }
}
