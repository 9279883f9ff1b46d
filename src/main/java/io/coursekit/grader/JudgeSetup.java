package io.coursekit.grader;

import io.coursekit.redis.RedisAccess;

import java.util.List;

/**
 * What a judge JVM is told once, as it starts: how to reach Redis and how to start the submission's own JVMs.
 *
 * @param studentCommand the sandboxed command of a student JVM; {@link #REDIS_DIR} stands for the folder that holds
 *                       the fault proxy's socket, which the judge makes
 * @param outputBytes    what a check may print before its output is cut
 * @param heapMb         a student JVM's heap, for the report of one that ran out of it
 * @param archiveGraceMillis how long a student JVM may take to end by itself, writing its class archive, before it
 *                       is killed; 0 outside the reference grading that writes the archive
 */
public record JudgeSetup(RedisAccess redis, List<String> studentCommand, int outputBytes, int heapMb,
                         long archiveGraceMillis) {
    public static final String REDIS_DIR = "{redis-dir}";
    /** Stands for a number of each student JVM of the judge's, so class archives written at their ends do not clash. */
    public static final String JVM_NUMBER = "{jvm}";
    /** The name of the socket in {@link #REDIS_DIR}. */
    public static final String REDIS_SOCKET = "redis.sock";
}
