package dev.verdict.chaos.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NemesisTest {

    private final List<String> log = new CopyOnWriteArrayList<>();

    private Fault recording(String node) {
        return Faults.of("pause", () -> node, () -> log.add("inject " + node), () -> log.add("heal " + node));
    }

    @Test
    void scriptedFaultsRunInOrderAndRecordTheirWindows() throws Exception {
        try (Nemesis nemesis = Nemesis.scripted(List.of(
                new Nemesis.Step(Duration.ofMillis(20), recording("a"), Duration.ofMillis(50)),
                new Nemesis.Step(Duration.ofMillis(100), recording("b"), Duration.ofMillis(30))))) {
            nemesis.start();
            nemesis.await();
            assertThat(log).containsExactly("inject a", "heal a", "inject b", "heal b");
            List<FaultWindow> windows = nemesis.windows();
            assertThat(windows).extracting(FaultWindow::node).containsExactly("a", "b");
            assertThat(windows.get(0).endMs() - windows.get(0).startMs()).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void periodicScheduleFitsWholeFaultsIntoTheRun() {
        Nemesis nemesis = Nemesis.periodic(Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(1),
                () -> recording("x"));
        assertThat(nemesis.steps()).extracting(s -> s.at().toSeconds()).containsExactly(2L, 4L, 6L, 8L);
    }

    @Test
    void periodicFaultsAreChosenWhenDueSoTheyHitTheCurrentMaster() throws Exception {
        AtomicInteger master = new AtomicInteger(1);
        try (Nemesis nemesis = Nemesis.periodic(Duration.ofMillis(30), Duration.ofMillis(100), Duration.ofMillis(10),
                () -> recording("m" + master.getAndIncrement()))) {
            nemesis.start();
            nemesis.await();
        }
        assertThat(log).containsExactly("inject m1", "heal m1", "inject m2", "heal m2", "inject m3", "heal m3");
    }

    @Test
    void closingMidFaultHealsIt() throws Exception {
        Nemesis nemesis = Nemesis.scripted(List.of(new Nemesis.Step(Duration.ZERO, recording("a"), Duration.ofMinutes(5))));
        nemesis.start();
        Thread.sleep(100);
        nemesis.close();
        assertThat(log).containsExactly("inject a", "heal a");
        assertThat(nemesis.windows()).hasSize(1);
    }
}
