package io.coursekit.site.pricing;

import io.coursekit.YamlTree.Mapping;
import io.coursekit.YamlTree.Scalar;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * A cluster to estimate: {@code count} primaries of one node type, {@code replicas} replicas per primary
 * (Multi-AZ), snapshot storage beyond the free automatic backup, for some hours a month, maybe under a
 * reserved term. All amounts are exact; only {@link Money} rounds.
 */
record Scenario(String title, NodeType node, int count, int replicas, BigDecimal hours, BigDecimal backupGb,
                Optional<BackupPrice> backupPrice, Optional<ReservedTerm> term) {

    static final Set<String> KEYS = Set.of("title", "node", "count", "replicas", "hours", "backup_gb", "term");

    /** Reads the scenario keys of a pricing block; without {@code node} it takes the book's first node type. */
    static Scenario from(Mapping block, PriceBook book) {
        Optional<Scalar> backupGb = block.scalar("backup_gb");
        BigDecimal gb = backupGb.map(value -> value.nonNegative("backup_gb")).orElse(BigDecimal.ZERO);
        if (gb.signum() > 0 && book.backup().isEmpty()) {
            throw backupGb.get().problem("price book " + book.name() + " has no backup prices, so backup_gb cannot be priced");
        }
        return new Scenario(
                block.scalar("title").map(Scalar::text).orElse(""),
                block.scalar("node").map(book::node).orElse(book.nodes().values().iterator().next()),
                block.scalar("count").map(value -> value.wholeNumber("count", 1)).orElse(1),
                block.scalar("replicas").map(value -> value.wholeNumber("replicas", 0)).orElse(0),
                block.scalar("hours").map(Scenario::hours).orElse(book.hoursPerMonth()),
                gb,
                book.backup(),
                block.scalar("term").map(book::term));
    }

    private static BigDecimal hours(Scalar value) {
        BigDecimal hours = value.decimal("hours");
        if (hours.signum() <= 0) {
            throw value.problem("hours must be more than 0, not " + value.text());
        }
        return hours;
    }

    BigDecimal primaries() {
        return node.monthly(hours).multiply(BigDecimal.valueOf(count));
    }

    int replicaNodes() {
        return count * replicas;
    }

    BigDecimal replicaCost() {
        return node.monthly(hours).multiply(BigDecimal.valueOf(replicaNodes()));
    }

    BigDecimal backup() {
        return backupPrice.map(price -> price.monthly(backupGb)).orElse(BigDecimal.ZERO);
    }

    BigDecimal onDemand() {
        return primaries().add(replicaCost()).add(backup());
    }

    /** The monthly total under the term; like the course's source lecture, the discount applies to the whole total. */
    BigDecimal total() {
        return term.map(reserved -> reserved.apply(onDemand())).orElse(onDemand());
    }

    /** What the term gives when its discount reaches node hours only, as AWS bills reserved nodes. */
    BigDecimal totalDiscountingNodesOnly() {
        return term.map(reserved -> reserved.apply(primaries().add(replicaCost())).add(backup())).orElse(onDemand());
    }
}
