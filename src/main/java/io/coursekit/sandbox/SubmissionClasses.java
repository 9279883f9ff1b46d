package io.coursekit.sandbox;

import java.util.Map;

/**
 * The submission's classes from the bytes the judge sent, a fresh loader for every instance so each starts with
 * static fields of its own, as if on its own server. The parent comes first: the lab's API, the libraries and the
 * JDK cannot be replaced by a class of the same name in the submission.
 */
final class SubmissionClasses extends ClassLoader {
    /** The loader name stack traces carry, by which the student's own frames are told apart. */
    static final String NAME = "submission";

    private final Map<String, byte[]> classes;

    SubmissionClasses(Map<String, byte[]> classes, ClassLoader parent) {
        super(NAME, parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
