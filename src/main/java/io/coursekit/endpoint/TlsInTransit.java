package io.coursekit.endpoint;

import io.coursekit.grader.EndpointRubric;

import java.util.Optional;

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
        Optional<ConnectionProblem> problem = session.problem();
        if (problem.isPresent() && problem.get().kind() != ConnectionProblem.Kind.LOGIN) {
            return Finding.fail(problem.get().kind() == ConnectionProblem.Kind.TLS
                    ? problem.get().message() : problem.get().notRunReason());
        }
        return Finding.pass("TLS handshake with a verified certificate for " + endpoint.address().host()
                + endpoint.caFile().map(ca -> ", trusted through " + ca).orElse(""));
    }

    @Override
    public boolean needsConnection() {
        return false;
    }
}
