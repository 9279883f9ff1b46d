package io.coursekit.endpoint;

import io.coursekit.lab.EndpointRubric;

/** {@code cluster-mode}: INFO cluster's {@code cluster_enabled} is as the lab asks; when on, the cluster client sees the shards. */
final class ClusterMode implements EndpointCheck {

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        boolean enabled = session.clusterEnabled();
        if (enabled != rubric.clusterMode()) {
            return Finding.fail("cluster mode is " + (enabled ? "enabled" : "disabled") + "; this lab asks for cluster mode "
                    + (rubric.clusterMode() ? "enabled (data spread over shards)" : "disabled (one shard)"));
        }
        if (!enabled) {
            return Finding.pass("cluster mode disabled");
        }
        long shards = session.clusterNodes().stream().filter(n -> n.getRole().isUpstream()).count();
        return Finding.pass("cluster mode enabled with " + shards + " shard(s)");
    }
}
