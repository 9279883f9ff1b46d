package io.coursekit.grader;

import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import io.coursekit.redis.RunningRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class TinyLabGradingTest {
    static RunningRedis redis;
    static Grader grader;
    static Lab lab;

    @BeforeAll
    static void start() {
        redis = new RedisLauncher(System.getenv()).start(new RedisMode.Auto());
        grader = new Grader(new SubmissionCompiler(Path.of(System.getProperty("java.io.tmpdir"), "coursekit-test-labs")), redis.uri());
        lab = Lab.load(Path.of(System.getProperty("coursekit.root"), "src/test/resources/labs/tiny"));
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void debug() {
        for (String s : new String[] {"reference", "samples/exits-in-motto", "samples/oom-in-motto", "samples/loops-in-motto", "samples/fakes-results", "samples/no-compile", "samples/prints-in-motto"}) {
            try (Submission submission = Submission.open(lab.dir().resolve(s))) {
                GradeReport report = grader.grade(lab, submission);
                System.out.println(s + " " + report.score() + " " + report.timings());
                report.results().forEach(r -> System.out.println("  " + r.check().id() + " " + r.passed() + " " + r.reason() + " " + r.time() + " out=" + r.output().length()));
                System.out.println(report.output());
            }
        }
    }
}
