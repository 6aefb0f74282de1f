package dev.verdict.chaos.checker;

import dev.verdict.chaos.history.Operation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.verdict.chaos.checker.Linearizability.Verdict.LINEARIZABLE;
import static dev.verdict.chaos.checker.Linearizability.Verdict.NOT_LINEARIZABLE;
import static dev.verdict.chaos.checker.Linearizability.Verdict.UNDECIDED;
import static org.assertj.core.api.Assertions.assertThat;

class LinearizabilityTest {

    private static Operation write(int client, String v, long from, long to) {
        return Operation.ok(client, "write", "k", v, from, to, null);
    }

    private static Operation read(int client, String result, long from, long to) {
        return Operation.ok(client, "read", "k", null, from, to, result);
    }

    private static Linearizability.Verdict verdict(List<Operation> ops) {
        return Linearizability.bounded().checkRegisters(ops).get("k").verdict();
    }

    @Test
    void staleReadAfterANewerWriteCompletedIsNotLinearizable() {
        assertThat(verdict(List.of(write(0, "1", 0, 10), write(0, "2", 20, 30), read(1, "1", 40, 50))))
                .isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void readOfAValueNeverWrittenIsNotLinearizable() {
        assertThat(verdict(List.of(write(0, "1", 0, 10), read(1, "7", 20, 30)))).isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void readOfTheMissingKeyBeforeAnyWriteIsLinearizable() {
        assertThat(verdict(List.of(read(1, null, 0, 5), write(0, "1", 10, 20), read(1, "1", 30, 40))))
                .isEqualTo(LINEARIZABLE);
    }

    @Test
    void concurrentWritesMayTakeEffectInEitherOrder() {
        // w1 spans everything; w2 completes early. Reads 2 then 1 are explained by w2, r, w1, r.
        assertThat(verdict(List.of(write(0, "1", 0, 100), write(1, "2", 10, 20),
                read(2, "2", 30, 40), read(2, "1", 50, 60)))).isEqualTo(LINEARIZABLE);
    }

    @Test
    void flippingBackToAnOverwrittenValueIsNotLinearizable() {
        // As above, but once 1 has been read, 2 (whose write is long finished) cannot come back.
        assertThat(verdict(List.of(write(0, "1", 0, 100), write(1, "2", 10, 20),
                read(2, "2", 30, 40), read(2, "1", 50, 60), read(2, "2", 70, 80)))).isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void unknownWriteMayTakeEffectLongAfterItsClientGaveUp() {
        assertThat(verdict(List.of(write(0, "1", 0, 10),
                Operation.unknown(1, "write", "k", "3", 20, 30),
                read(2, "1", 40, 50), read(2, "3", 200, 210)))).isEqualTo(LINEARIZABLE);
    }

    @Test
    void failedWriteMustNotBeVisible() {
        assertThat(verdict(List.of(write(0, "1", 0, 10),
                Operation.fail(1, "write", "k", "3", 20, 30),
                read(2, "3", 40, 50)))).isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void sameMillisecondCompletionAndInvocationCountAsConcurrent() {
        // Millisecond clocks cannot order these two, so the read may precede the write.
        assertThat(verdict(List.of(write(0, "1", 0, 10), write(0, "2", 10, 20), read(1, "1", 20, 25))))
                .isEqualTo(LINEARIZABLE);
    }

    @Test
    void summaryCheckNamesTheOffendingKey() {
        CheckResult result = Linearizability.bounded().check(List.of(write(0, "1", 0, 10), read(1, "7", 20, 30)));
        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("key k").contains("read -> 7");
    }

    @Test
    void historiesBeyondTheBoundAreUndecidedNotAccepted() {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ops.add(write(0, "" + i, i * 10L, i * 10L + 5));
        }
        assertThat(new Linearizability(10, 1000).checkRegisters(ops).get("k").verdict()).isEqualTo(UNDECIDED);
    }

    @Test
    void largeConcurrentHistoryOfARealRegisterIsAcceptedQuickly() {
        // Each operation takes effect at a random instant inside its own window, so the history
        // is linearizable by construction; five clients overlap heavily.
        Random random = new Random(7);
        int clients = 5;
        long[] clientFree = new long[clients];
        List<long[]> windows = new ArrayList<>();
        List<Operation> ops = new ArrayList<>();
        record Pending(long point, int client, boolean isWrite, String value, long from, long to) {
        }
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            int c = random.nextInt(clients);
            long from = clientFree[c] + random.nextInt(3);
            long to = from + 1 + random.nextInt(20);
            clientFree[c] = to + 1;
            long point = from + random.nextInt((int) (to - from) + 1);
            pending.add(new Pending(point, c, random.nextBoolean(), Integer.toString(i), from, to));
        }
        pending.sort(java.util.Comparator.comparingLong(Pending::point));
        String state = null;
        for (Pending p : pending) {
            if (p.isWrite()) {
                state = p.value();
                ops.add(write(p.client(), p.value(), p.from(), p.to()));
            } else {
                ops.add(read(p.client(), state, p.from(), p.to()));
            }
        }
        long started = System.nanoTime();
        assertThat(verdict(ops)).isEqualTo(LINEARIZABLE);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }
}
