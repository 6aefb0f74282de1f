package dev.verdict.chaos.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The record of an experiment's operations, appended to by many client threads at once and read
 * by checkers once the run is over. Times are epoch milliseconds.
 */
public final class History {

    private final List<Operation> operations = new ArrayList<>();

    public History() {
    }

    public History(List<Operation> operations) {
        this.operations.addAll(operations);
    }

    public synchronized void add(Operation operation) {
        operations.add(operation);
    }

    /** A snapshot ordered by invocation time, then completion time. */
    public synchronized List<Operation> operations() {
        List<Operation> copy = new ArrayList<>(operations);
        copy.sort(Comparator.comparingLong(Operation::invokeMs).thenComparingLong(Operation::completeMs));
        return copy;
    }

    public List<Operation> where(Predicate<Operation> filter) {
        return operations().stream().filter(filter).toList();
    }

    public synchronized int size() {
        return operations.size();
    }

    public long count(Outcome outcome) {
        return operations().stream().filter(o -> o.outcome() == outcome).count();
    }
}
