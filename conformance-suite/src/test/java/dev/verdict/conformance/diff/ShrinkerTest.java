package dev.verdict.conformance.diff;

import dev.verdict.conformance.diff.shrink.Shrinker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class ShrinkerTest {

    @Test
    void keepsOnlyTheCommandsTheFailureNeedsAndSimplifiesTheirArguments() {
        List<Command> failing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            failing.add(Command.of("INCR", "k" + i));
        }
        failing.add(12, Command.of("RPUSH", "k1", "a", "b", "somethinglong"));
        failing.add(Command.of("LRANGE", "k1", "0", "5"));
        // "fails" when an RPUSH of k1 with at least two elements precedes an LRANGE of k1
        Predicate<List<Command>> fails = seq -> {
            boolean pushed = false;
            for (Command c : seq) {
                if (c.args().size() > 1 && c.arg(0).equals("RPUSH") && c.arg(1).equals("k1") && c.args().size() >= 4) {
                    pushed = true;
                }
            }
            Command last = seq.get(seq.size() - 1);
            return pushed && last.args().size() == 4 && last.arg(0).equals("LRANGE") && last.arg(1).equals("k1");
        };
        Shrinker shrinker = new Shrinker(fails, 500);
        List<Command> minimal = shrinker.shrink(failing);
        assertThat(minimal).extracting(Command::toString).containsExactly("RPUSH k1 0 0", "LRANGE k1 0 0");
    }

    @Test
    void aFailureOfTheLastCommandAloneShrinksToIt() {
        List<Command> failing = List.of(Command.of("SET", "k1", "a"), Command.of("PING"), Command.of("ECHO", "x"));
        List<Command> minimal = new Shrinker(seq -> seq.get(seq.size() - 1).toString().equals("ECHO x"), 100).shrink(failing);
        assertThat(minimal).extracting(Command::toString).containsExactly("ECHO x");
    }

    @Test
    void stopsAtItsReplayBudget() {
        List<Command> failing = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            failing.add(Command.of("INCR", "k" + i));
        }
        Shrinker shrinker = new Shrinker(seq -> seq.size() > 50, 10);
        shrinker.shrink(failing);
        assertThat(shrinker.replays()).isEqualTo(10);
    }
}
