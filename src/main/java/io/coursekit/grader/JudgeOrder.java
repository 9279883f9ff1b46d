package io.coursekit.grader;

import io.coursekit.rpc.Message;

import java.nio.file.Path;
import java.util.List;

/**
 * One submission for a judge to check.
 *
 * @param classes       the submission's compiled classes, a folder the judge reads and sends on to the student JVMs
 * @param checksJar     the lab's checks, loaded afresh for each submission
 * @param apiPackage    the package of the lab's API types: callbacks are offered as the interfaces they implement there
 * @param studentClass  the class the lab asks students to write
 * @param constructor   the constructor the lab promises, as students read it, for the report of a missing one
 * @param checks        in rubric order, each with its timeout
 * @param deadline      when the submission's time is up, in milliseconds since the epoch: the judge and the grader
 *                      share this machine's clock, and a judge that is slow to start eats into the submission's time
 *                      as it would on the grader's side
 * @param timeLimitSeconds the submission's whole time limit, for reports
 */
public record JudgeOrder(String submission, Path classes, Path checksJar, String apiPackage, String studentClass,
                         String constructor, Message.RedisSettings redis, List<TimedCheck> checks, long deadline,
                         long timeLimitSeconds) {

    /** A check method and how long it may take. */
    public record TimedCheck(CheckMethod method, long timeoutSeconds) {
    }
}
