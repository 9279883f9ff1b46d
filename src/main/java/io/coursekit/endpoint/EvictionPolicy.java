package io.coursekit.endpoint;

import io.coursekit.lab.EndpointRubric;

/** {@code eviction-policy}: {@code maxmemory_policy} from INFO memory, because managed services block CONFIG. */
final class EvictionPolicy implements EndpointCheck {

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        String policy = session.info("memory").require("maxmemory_policy");
        if (rubric.evictionPolicies().contains(policy)) {
            return Finding.pass("maxmemory-policy is " + policy);
        }
        return Finding.fail("maxmemory-policy is " + policy + "; this lab accepts "
                + String.join(" or ", rubric.evictionPolicies().stream().sorted().toList())
                + " (set maxmemory-policy in the parameter group)");
    }
}
