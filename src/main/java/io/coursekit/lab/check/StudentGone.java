package io.coursekit.lab.check;

/**
 * The student's JVM ended while a call was under way: it exited, crashed, went past a limit of its sandbox, or the
 * check's time ran out. The judge knows which and says so in the report; a check should let this through.
 */
public final class StudentGone extends RuntimeException {

    public StudentGone(String why) {
        super(why, null, false, false);
    }
}
