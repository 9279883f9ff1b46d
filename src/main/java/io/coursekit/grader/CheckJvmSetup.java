package io.coursekit.grader;

import io.coursekit.lab.Limits;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the check JVMs of one grading start.
 *
 * @param classpath  as given to {@code -cp}: the libraries and the lab's API; the checks and each submission's classes
 *                   get a class loader of their own
 * @param vmOptions  besides the limits: the class archive to use or to write
 * @param exitGrace  how long a JVM whose runner is done may take to end by itself before it is killed
 */
record CheckJvmSetup(List<String> classpath, List<String> vmOptions, Limits limits, URI redis, Duration exitGrace) {
}
