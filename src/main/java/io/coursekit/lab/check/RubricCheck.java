package io.coursekit.lab.check;

import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JUnit 5 test method of a lab pack as the check with this rubric id in {@code lab.yaml}.
 * A pack whose annotated methods and rubric ids disagree is refused.
 */
@Test
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RubricCheck {
    String value();
}
