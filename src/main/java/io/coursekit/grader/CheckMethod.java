package io.coursekit.grader;

/** The JUnit method that implements the check {@code checkId}. */
public record CheckMethod(String checkId, String className, String methodName) {

    public String label() {
        return className + "." + methodName + "()";
    }
}
