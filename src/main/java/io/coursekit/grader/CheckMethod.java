package io.coursekit.grader;

/** The JUnit method that implements the check {@code checkId}. */
record CheckMethod(String checkId, String className, String methodName) {

    String label() {
        return className + "." + methodName + "()";
    }
}
