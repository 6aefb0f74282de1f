package dev.verdict.reports.matrix;

import java.util.Comparator;
import java.util.List;

/** One column of the matrix: a target reached through one client speaking one protocol. */
public record Column(String target, String client, String protocol) {

    private static final List<String> CLIENT_ORDER = List.of("raw", "jedis", "lettuce");

    static Comparator<Column> order(List<String> targetOrder) {
        return Comparator.<Column>comparingInt(c -> targetOrder.indexOf(c.target()))
                .thenComparingInt(c -> rank(CLIENT_ORDER, c.client()))
                .thenComparing(Column::client)
                .thenComparing(Column::protocol);
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }
}
