package io.coursekit.endpoint;

import io.coursekit.lab.EndpointRubric;

/** {@code tls-in-transit}: the endpoint speaks TLS with a certificate the grader verified, host name included. */
final class TlsInTransit implements EndpointCheck {

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        StudentEndpoint endpoint = session.endpoint();
        if (!endpoint.address().tls()) {
            return rubric.tlsRequired()
                    ? Finding.fail("the endpoint was given as redis://, without TLS: turn on encryption in transit "
                            + "and give the endpoint as rediss://")
                    : Finding.pass("TLS is optional in this lab");
        }
        if (!session.answered()) {
            ConnectionProblem problem = session.problem().orElseThrow();
            if (problem.kind() == ConnectionProblem.Kind.TLS) {
                return Finding.fail(problem.reason());
            }
            if (problem.kind() == ConnectionProblem.Kind.UNREACHABLE) {
                return Finding.fail(session.notRunReason().orElseThrow());
            }
        }
        return Finding.pass("TLS handshake with a verified certificate for " + endpoint.address().host()
                + endpoint.caFile().map(ca -> ", trusted through " + ca).orElse(""));
    }

    @Override
    public boolean needsConnection() {
        return false;
    }
}
