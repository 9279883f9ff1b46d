package io.coursekit.lab.check;

import io.coursekit.rpc.Message;

/** The class the lab asks for cannot be built: missing, not the API, no fitting constructor, or it threw. */
public final class StudentClassError extends AssertionError {
    private final Message.Refusal problem;
    private final String className;
    private final String detail;

    public StudentClassError(Message.Refusal problem, String className, String detail) {
        super(problem + " " + className + (detail.isEmpty() ? "" : ": " + detail));
        this.problem = problem;
        this.className = className;
        this.detail = detail;
    }

    /** Why the class cannot be built: missing, not implementing the API, no fitting constructor, or it threw. */
    public Message.Refusal problem() {
        return problem;
    }

    /** The class lab.yaml names ({@code student.class}). */
    public String className() {
        return className;
    }

    /** What the student's JVM said, such as the constructors the class has; may be empty. */
    public String detail() {
        return detail;
    }
}
