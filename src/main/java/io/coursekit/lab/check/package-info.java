/**
 * What a lab pack's checks are written against, and all they may use of coursekit.
 *
 * <p>A check is a JUnit 5 method marked {@link io.coursekit.lab.check.RubricCheck} with the id of its rubric line in
 * lab.yaml. It runs in the judge's JVM, which never loads a student's class: {@link io.coursekit.lab.check.AppServer}
 * gives it instances of the class students write, as proxies of the lab's API interfaces, on one of two app servers
 * (sandboxed JVMs of the submission's own). {@link io.coursekit.lab.check.LabRedis} is the check's own view of
 * Redis, empty when the check starts, and cuts and restores the student's connections. {@link
 * io.coursekit.lab.check.Expect} words failures as the student reads them; {@link io.coursekit.lab.check.Timing}
 * times calls fairly on a loaded machine; {@link io.coursekit.lab.check.Notes} shows a measurement in the report.
 * What the student's code throws arrives as {@link io.coursekit.lab.check.StudentThrew}; a student JVM that ended as
 * {@link io.coursekit.lab.check.StudentGone}; a class that cannot be built as {@link
 * io.coursekit.lab.check.StudentClassError}.
 *
 * <p>The {@code install} methods and the {@code Backend}, {@code Control} and {@code Sink} interfaces are for the
 * judge alone.
 */
package io.coursekit.lab.check;
