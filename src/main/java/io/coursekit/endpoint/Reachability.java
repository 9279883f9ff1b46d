package io.coursekit.endpoint;

import io.coursekit.lab.EndpointRubric;

/** {@code reachable}: the grader connected, logged in and got PONG within the step timeout. */
final class Reachability implements EndpointCheck {

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        return session.problem().map(p -> Finding.fail(p.reason()))
                .orElseGet(() -> Finding.pass("PONG from " + session.endpoint() + " in " + Latency.millis(session.firstPing())));
    }

    @Override
    public boolean needsConnection() {
        return false;
    }
}
