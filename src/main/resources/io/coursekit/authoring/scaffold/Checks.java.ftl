package ${package}.checks;

import io.coursekit.lab.check.AppServer;
import io.coursekit.lab.check.LabRedis;
import io.coursekit.lab.check.RubricCheck;
import ${package}.VisitCounter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rubric of the lab, one method per check of lab.yaml. */
final class ${className}Checks {

    @RubricCheck("visit-counts")
    void visitCounts() {
        VisitCounter counter = AppServer.first().newInstance(VisitCounter.class);
        for (int i = 1; i <= 3; i++) {
            assertEquals(i, counter.visit("home"), "visit(\"home\") number " + i + " returned another count");
        }
        assertEquals(3, counter.visits("home"), "visits(\"home\") after three visits");
        assertEquals(0, counter.visits("about"), "visits(\"about\") of a page never visited");
    }

    @RubricCheck("shared-across-servers")
    void sharedAcrossServers() {
        AppServer.first().newInstance(VisitCounter.class).visit("home");
        assertEquals(1, AppServer.second().newInstance(VisitCounter.class).visits("home"),
                "visits(\"home\") on the second server after one visit on the first; keys in Redis: "
                        + LabRedis.commands().keys("*"));
    }
}
