package io.coursekit.endpoint;

import io.coursekit.lab.EndpointRubric;

/** One rubric entry of an endpoint, checked against a live session. */
interface EndpointCheck {

    Finding run(EndpointSession session, EndpointRubric rubric);

    /** False for the checks that judge the connection itself, and so run even when it could not be opened. */
    default boolean needsConnection() {
        return true;
    }
}
