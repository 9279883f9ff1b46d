package io.coursekit.site.pricing;

import io.coursekit.UserError;
import io.coursekit.YamlTree;
import io.coursekit.YamlTree.Mapping;
import io.coursekit.YamlTree.Node;
import io.coursekit.YamlTree.Scalar;
import io.coursekit.site.BuildProblem;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The prices of one service in one region as of one date: {@code content/pricing/<name>.yaml}.
 * Every figure the site shows is computed from a price book, never typed by hand.
 *
 * @param reserved reserved-node terms in the book's order; may be empty
 * @param backup   snapshot storage price, if the book has one
 * @param transfer data transfer routes; may be empty
 */
record PriceBook(String name, String service, String region, Currency currency, LocalDate asOf, URI source,
                 BigDecimal hoursPerMonth, Map<String, NodeType> nodes, Map<String, ReservedTerm> reserved,
                 Optional<BackupPrice> backup, List<TransferRate> transfer) {

    static final BigDecimal DEFAULT_HOURS_PER_MONTH = BigDecimal.valueOf(730);

    private static final Set<String> KEYS = Set.of("service", "region", "currency", "as_of", "source",
            "hours_per_month", "nodes", "reserved", "backup", "transfer");

    static PriceBook read(String name, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserError("cannot read price book " + file + ": " + e.getMessage(), e);
        }
        Mapping book = YamlTree.read(text, 1, "YAML syntax error", (line, what) -> new BuildProblem(file, line, what))
                .asMapping("a price book");
        String owner = "the price book";
        book.allowOnly(KEYS, owner);
        return new PriceBook(name,
                book.text("service", owner),
                book.text("region", owner),
                currency(book.requiredScalar("currency", owner)),
                date(book.requiredScalar("as_of", owner)),
                source(book.requiredScalar("source", owner)),
                hoursPerMonth(book),
                nodes(book.required("nodes", owner)),
                reserved(book),
                book.get("backup").map(PriceBook::backup),
                transfer(book));
    }

    /** The node type a pricing block names; an unknown one is a problem where the block names it. */
    NodeType node(Scalar type) {
        NodeType node = nodes.get(type.text());
        if (node == null) {
            throw type.problem("unknown node type '" + type.text() + "' in price book " + name
                    + " (known: " + String.join(", ", nodes.keySet()) + ")");
        }
        return node;
    }

    /** The node types a block lists under {@code nodes}, in its order; all of them when it lists none. */
    List<NodeType> nodes(Optional<Node> listed) {
        if (listed.isEmpty()) {
            return List.copyOf(nodes.values());
        }
        return listed.get().asSequence("nodes").items().stream().map(item -> node(item.asScalar("each node"))).toList();
    }

    ReservedTerm term(Scalar term) {
        ReservedTerm reservedTerm = reserved.get(term.text());
        if (reservedTerm == null) {
            throw term.problem("unknown reserved term '" + term.text() + "' in price book " + name
                    + (reserved.isEmpty() ? " (it has none)" : " (known: " + String.join(", ", reserved.keySet()) + ")"));
        }
        return reservedTerm;
    }

    Money money() {
        return new Money(currency.getSymbol(Locale.US));
    }

    private static Currency currency(Scalar code) {
        try {
            return Currency.getInstance(code.text());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw code.problem("currency must be an ISO 4217 code such as USD, not '" + code.text() + "'");
        }
    }

    private static LocalDate date(Scalar asOf) {
        try {
            return LocalDate.parse(asOf.text());
        } catch (DateTimeParseException e) {
            throw asOf.problem("as_of must be a date written as YYYY-MM-DD, not '" + asOf.text() + "'");
        }
    }

    private static URI source(Scalar source) {
        String text = source.text();
        if (!text.startsWith("https://") && !text.startsWith("http://")) {
            throw source.problem("source must be the web address the prices were read from, not '" + text + "'");
        }
        return URI.create(text);
    }

    private static BigDecimal hoursPerMonth(Mapping book) {
        Optional<Scalar> written = book.scalar("hours_per_month");
        if (written.isEmpty()) {
            return DEFAULT_HOURS_PER_MONTH;
        }
        BigDecimal hours = written.get().decimal("hours_per_month");
        if (hours.signum() <= 0) {
            throw written.get().problem("hours_per_month must be more than 0, not " + written.get().text());
        }
        return hours;
    }

    private static Map<String, NodeType> nodes(Node list) {
        Map<String, NodeType> nodes = new LinkedHashMap<>();
        for (Node item : list.asSequence("nodes").items()) {
            Mapping node = item.asMapping("each node");
            node.allowOnly(Set.of("type", "memory_gib", "per_hour"), "a node");
            String type = node.text("type", "a node");
            String owner = "node " + type;
            NodeType nodeType = new NodeType(type,
                    node.requiredScalar("memory_gib", owner).nonNegative("memory_gib of " + type),
                    node.requiredScalar("per_hour", owner).nonNegative("per_hour of " + type));
            if (nodes.putIfAbsent(type, nodeType) != null) {
                throw node.problem("node type " + type + " is listed twice");
            }
        }
        if (nodes.isEmpty()) {
            throw list.problem("nodes must list at least one node type");
        }
        return nodes;
    }

    private static Map<String, ReservedTerm> reserved(Mapping book) {
        Map<String, ReservedTerm> terms = new LinkedHashMap<>();
        for (Node item : book.get("reserved").map(list -> list.asSequence("reserved").items()).orElse(List.of())) {
            Mapping term = item.asMapping("each reserved term");
            term.allowOnly(Set.of("term", "label", "discount_percent"), "a reserved term");
            String id = term.text("term", "a reserved term");
            Scalar percent = term.requiredScalar("discount_percent", "reserved term " + id);
            BigDecimal discount = percent.nonNegative("discount_percent of " + id);
            if (discount.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw percent.problem("discount_percent of " + id + " is more than 100 (" + percent.text() + ")");
            }
            String label = term.scalar("label").map(Scalar::text).orElse(id);
            if (terms.putIfAbsent(id, new ReservedTerm(id, label, discount)) != null) {
                throw term.problem("reserved term " + id + " is listed twice");
            }
        }
        return terms;
    }

    private static BackupPrice backup(Node node) {
        Mapping backup = node.asMapping("backup");
        backup.allowOnly(Set.of("per_gb_month", "free_automatic_backups"), "backup");
        return new BackupPrice(
                backup.requiredScalar("per_gb_month", "backup").nonNegative("backup per_gb_month"),
                backup.scalar("free_automatic_backups").map(free -> free.wholeNumber("free_automatic_backups", 0)).orElse(0));
    }

    private static List<TransferRate> transfer(Mapping book) {
        List<TransferRate> rates = new ArrayList<>();
        for (Node item : book.get("transfer").map(list -> list.asSequence("transfer").items()).orElse(List.of())) {
            Mapping rate = item.asMapping("each transfer route");
            rate.allowOnly(Set.of("route", "per_gb", "note"), "a transfer route");
            String route = rate.text("route", "a transfer route");
            rates.add(new TransferRate(route,
                    rate.requiredScalar("per_gb", "transfer route " + route).nonNegative("per_gb of " + route),
                    rate.scalar("note").map(Scalar::text).orElse("")));
        }
        return rates;
    }
}
