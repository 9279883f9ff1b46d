package ${package}.checks;

import io.coursekit.lab.check.AppServer;
import io.coursekit.lab.check.Expect;
import io.coursekit.lab.check.LabRedis;
import io.coursekit.lab.check.RubricCheck;
import ${package}.VisitCounter;

/**
 * The rubric of the lab, one method per check of lab.yaml. A failure's message is what the student reads under the
 * check's hint: say what was called, what came back and what was expected.
 */
final class ${className}Checks {

    private static VisitCounter counter(AppServer server) {
        return server.newInstance(VisitCounter.class);
    }

    @RubricCheck("visit-counts")
    void visitCounts() {
        VisitCounter counter = counter(AppServer.first());
        for (int i = 1; i <= 3; i++) {
            int visit = i;
            long count = Expect.call("visit(\"home\")", () -> counter.visit("home"));
            Expect.that(count == visit, () -> "visit(\"home\") number " + visit + " returned " + count);
        }
        long home = Expect.call("visits(\"home\")", () -> counter.visits("home"));
        Expect.that(home == 3, () -> "visits(\"home\") after three visits returned " + home + ", expected 3");
        long about = Expect.call("visits(\"about\")", () -> counter.visits("about"));
        Expect.that(about == 0, () -> "visits(\"about\") of a page never visited returned " + about + ", expected 0");
    }

    @RubricCheck("shared-across-servers")
    void sharedAcrossServers() {
        Expect.call("visit(\"home\")", () -> counter(AppServer.first()).visit("home"));
        long seen = Expect.call("visits(\"home\")", () -> counter(AppServer.second()).visits("home"));
        Expect.that(seen == 1, () -> "after one visit on the first server, visits(\"home\") on the second returned "
                + seen + ", expected 1; keys in Redis: " + LabRedis.commands().keys("*"));
    }
}
