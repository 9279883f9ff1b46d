package io.coursekit.endpoint;

import io.coursekit.lab.EndpointRubric;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;

import java.util.List;

/** {@code replication}: each primary has at least the lab's number of connected replicas (Multi-AZ). */
final class Replication implements EndpointCheck {

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        int needed = rubric.minReplicas();
        if (needed == 0) {
            return Finding.pass("this lab needs no replica");
        }
        return session.clusterEnabled() ? shards(session.clusterNodes(), needed) : primary(session.info("replication"), needed);
    }

    private static Finding primary(Info replication, int needed) {
        String role = replication.require("role");
        if (!role.equals("master")) {
            return Finding.fail("this node is a replica (role:" + role + "): give the primary endpoint");
        }
        int replicas = Integer.parseInt(replication.require("connected_slaves"));
        return replicas >= needed ? Finding.pass(replicas + " connected replica(s)")
                : Finding.fail(replicas + " connected replica(s); this lab needs at least " + needed
                        + " (add a replica in another Availability Zone)");
    }

    private static Finding shards(Partitions nodes, int needed) {
        List<RedisClusterNode> primaries = nodes.stream().filter(n -> n.getRole().isUpstream() && !n.is(NodeFlag.FAIL)).toList();
        for (RedisClusterNode primary : primaries) {
            long replicas = nodes.stream()
                    .filter(n -> primary.getNodeId().equals(n.getSlaveOf()) && !n.is(NodeFlag.FAIL)).count();
            if (replicas < needed) {
                return Finding.fail("the shard of " + primary.getUri().getHost() + ":" + primary.getUri().getPort()
                        + " has " + replicas + " replica(s); this lab needs at least " + needed + " per shard");
            }
        }
        return Finding.pass(primaries.size() + " shard(s), each with at least " + needed + " replica(s)");
    }
}
