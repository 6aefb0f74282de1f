package dev.verdict.reports.matrix;

import dev.verdict.reports.commands.CommandEntry;
import dev.verdict.reports.commands.CommandTable;
import dev.verdict.reports.results.SpecCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Command x (target, client, protocol): every Redis 7.0 command, whether or not a suite reached it. */
public final class CompatibilityMatrix {

    private final List<CommandEntry> rows;
    private final List<String> targets;
    private final Map<String, String> targetKinds;
    private final List<Column> columns;
    private final Map<String, Map<Column, Cell>> cells;
    private final List<SpecCase> cases;

    private CompatibilityMatrix(List<CommandEntry> rows, List<String> targets, Map<String, String> targetKinds,
            List<Column> columns, Map<String, Map<Column, Cell>> cells, List<SpecCase> cases) {
        this.rows = rows;
        this.targets = targets;
        this.targetKinds = targetKinds;
        this.columns = columns;
        this.cells = cells;
        this.cases = cases;
    }

    public static CompatibilityMatrix build(CommandTable table, List<SpecCase> cases) {
        Map<String, String> targetKinds = new LinkedHashMap<>();
        Set<Column> columns = new LinkedHashSet<>();
        Map<String, String> unknownCommands = new TreeMap<>();
        Map<String, Map<Column, Cell>> cells = new HashMap<>();
        for (SpecCase c : cases) {
            targetKinds.putIfAbsent(c.target(), c.targetKind());
            Column column = new Column(c.target(), c.client(), c.protocol());
            columns.add(column);
            if (table.find(c.command()).isEmpty()) {
                unknownCommands.put(c.command(), c.family());
            }
            cells.computeIfAbsent(c.command(), k -> new HashMap<>()).computeIfAbsent(column, k -> new Cell()).add(c);
        }
        List<String> targets = new ArrayList<>(targetKinds.keySet());
        targets.sort(Comparator.comparingInt((String t) -> TargetOrder.rank(targetKinds.get(t)))
                .thenComparing(t -> t));
        List<Column> orderedColumns = new ArrayList<>(columns);
        orderedColumns.sort(Column.order(targets));
        return new CompatibilityMatrix(table.rows(unknownCommands), List.copyOf(targets), targetKinds,
                List.copyOf(orderedColumns), cells, List.copyOf(cases));
    }

    public List<CommandEntry> rows() {
        return rows;
    }

    public List<String> targets() {
        return targets;
    }

    public String kindOf(String target) {
        return targetKinds.getOrDefault(target, "");
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Column> columnsOf(String target) {
        return columns.stream().filter(c -> c.target().equals(target)).toList();
    }

    public List<SpecCase> cases() {
        return cases;
    }

    public Cell cell(String command, Column column) {
        Cell cell = cells.getOrDefault(command, Map.of()).get(column);
        return cell == null ? new Cell() : cell;
    }

    /** The command on a target over all its clients and protocols. */
    public Status statusOn(String command, String target) {
        Map<Column, Cell> byColumn = cells.getOrDefault(command, Map.of());
        List<Status> statuses = new ArrayList<>();
        byColumn.forEach((column, cell) -> {
            if (column.target().equals(target)) {
                statuses.add(cell.status());
            }
        });
        return Status.combine(statuses);
    }

    public TargetTotals totals(String target) {
        int[] caseCounts = new int[4];
        for (SpecCase c : cases) {
            if (c.target().equals(target)) {
                caseCounts[c.passed() ? 0 : c.failed() ? 1 : c.notImplemented() ? 2 : 3]++;
            }
        }
        Map<Status, Integer> commands = new EnumMap<>(Status.class);
        for (CommandEntry row : rows) {
            commands.merge(statusOn(row.name(), target), 1, Integer::sum);
        }
        return new TargetTotals(target, kindOf(target), caseCounts[0], caseCounts[1], caseCounts[2], caseCounts[3],
                commands.getOrDefault(Status.PASSED, 0), commands.getOrDefault(Status.FAILED, 0),
                commands.getOrDefault(Status.NOT_IMPLEMENTED, 0), commands.getOrDefault(Status.UNTESTED, 0));
    }

    /** Family -> status -> number of commands (subcommands included) with that status on the target. */
    public Map<String, Map<Status, Integer>> familyCounts(String target) {
        Map<String, Map<Status, Integer>> result = new TreeMap<>();
        for (CommandEntry row : rows) {
            result.computeIfAbsent(row.family(), f -> new EnumMap<>(Status.class))
                    .merge(statusOn(row.name(), target), 1, Integer::sum);
        }
        return result;
    }
}
