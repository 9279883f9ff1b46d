package io.coursekit.endpoint;

import io.coursekit.grader.Reason;
import io.coursekit.lab.EndpointRubric;

/** {@code auth-required}: when the lab asks for AUTH, a client without a password is refused. */
final class AuthRequirement implements EndpointCheck {
    private static final String OPEN = "the endpoint answers PING without a password: turn on AUTH "
            + "(an AUTH token, or an RBAC user group with the default user disabled)";

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        if (!rubric.requiresAuth()) {
            return Finding.pass("this lab does not ask for AUTH");
        }
        if (!session.answered()) {
            return session.problem().orElseThrow().kind() == ConnectionProblem.Kind.LOGIN
                    ? Finding.pass("the endpoint refused the grader without the right password")
                    : Finding.fail(session.notRunReason().orElseThrow());
        }
        if (session.notRunReason().isPresent()) {
            return Finding.fail(session.notRunReason().get());
        }
        if (session.endpoint().password().isEmpty()) {
            return Finding.fail(OPEN);
        }
        return session.pingWithoutLogin()
                .map(refusal -> refusal.kind() == ConnectionProblem.Kind.LOGIN
                        ? Finding.pass("a PING without a password was refused")
                        : Finding.fail(new Reason.EndpointNotRun(Reason.EndpointNotRun.Connection.SECOND_CONNECTION,
                                refusal.reason())))
                .orElseGet(() -> Finding.fail(OPEN));
    }

    @Override
    public boolean needsConnection() {
        return false;
    }
}
