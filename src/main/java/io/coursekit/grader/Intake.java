package io.coursekit.grader;

import java.util.List;

/**
 * How a submission was taken in, before any check: read, decoded and compiled, or why not. An endpoint's report has
 * nothing to compile: its problem is why the grader could not talk to the endpoint.
 *
 * @param compiled whether its classes were built, so checks could run
 * @param problem  why it was not graded or did not compile as a whole, such as a refused zip or a compiler stopped
 *                 at its limits; null when there is none
 * @param notes    what the student should know of single files
 * @param detail   the compiler's errors as javac prints them; empty when there are none
 */
public record Intake(boolean compiled, Reason problem, List<SourceNote> notes, String detail) {

    public Intake {
        notes = List.copyOf(notes);
    }

    public static Intake compiled(List<SourceNote> notes) {
        return new Intake(true, null, notes, "");
    }

    public static Intake didNotCompile(List<SourceNote> notes, Reason problem, String errors) {
        return new Intake(false, problem, notes, errors);
    }

    /** The submission could not be read at all, such as a zip with {@code ../} in it. */
    public static Intake notGraded(String why) {
        return new Intake(false, new Reason.NotGraded(why), List.of(), "");
    }

    /** A deployed endpoint: scored, not compiled; {@code problem} is why the grader could not talk to it, or null. */
    public static Intake endpoint(Reason problem) {
        return new Intake(true, problem, List.of(), "");
    }
}
