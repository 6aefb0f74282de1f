package dev.verdict.conformance.diff;

import dev.verdict.conformance.diff.gen.CommandGenerator;
import dev.verdict.conformance.diff.gen.Mutator;
import dev.verdict.conformance.diff.gen.SeededEntropy;
import dev.verdict.conformance.diff.gen.SequenceGenerator;
import dev.verdict.conformance.diff.gen.ValuePools;
import dev.verdict.conformance.diff.grammar.CommandSpec;
import dev.verdict.conformance.diff.grammar.Grammar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorTest {

    private final Grammar grammar = Grammar.fromClasspath();

    private List<CommandSpec> specs(String... names) {
        List<CommandSpec> out = new ArrayList<>();
        for (String n : names) {
            out.add(grammar.command(n).orElseThrow());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        List<CommandSpec> all = new ArrayList<>(grammar.commands());
        List<String> first = new SequenceGenerator(all, new SeededEntropy(42)).sequence(500).stream().map(Command::toString).toList();
        List<String> again = new SequenceGenerator(all, new SeededEntropy(42)).sequence(500).stream().map(Command::toString).toList();
        List<String> other = new SequenceGenerator(all, new SeededEntropy(43)).sequence(500).stream().map(Command::toString).toList();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void validCommandsRespectArityAndDrawKeysFromThePool() {
        CommandGenerator gen = new CommandGenerator(new SeededEntropy(1));
        for (CommandSpec spec : specs("GET", "SET", "LRANGE", "ZADD", "HSET", "GETRANGE", "SINTERCARD", "ZUNIONSTORE")) {
            for (int i = 0; i < 200; i++) {
                Command c = gen.generate(spec);
                int n = c.args().size();
                assertThat(spec.arity() > 0 ? n == spec.arity() : n >= -spec.arity()).as(c.toString()).isTrue();
            }
        }
        for (int i = 0; i < 50; i++) {
            assertThat(ValuePools.KEYS).contains(gen.generate(specs("GET").get(0)).arg(1));
        }
    }

    @Test
    void numkeysCountsTheKeysThatFollowIt() {
        CommandGenerator gen = new CommandGenerator(new SeededEntropy(3));
        for (int i = 0; i < 200; i++) {
            Command c = gen.generate(specs("ZUNIONSTORE").get(0));
            int numkeys = Integer.parseInt(c.arg(2));
            assertThat(c.argStrings().subList(3, 3 + numkeys)).allMatch(ValuePools.KEYS::contains);
        }
    }

    @Test
    void multipleArgumentsSometimesCrossAnEncodingThreshold() {
        CommandGenerator gen = new CommandGenerator(new SeededEntropy(5));
        int largest = 0;
        for (int i = 0; i < 400; i++) {
            largest = Math.max(largest, gen.generate(specs("SADD").get(0)).args().size() - 2);
        }
        assertThat(largest).isGreaterThanOrEqualTo(128);
    }

    @Test
    void xaddNeverUsesTheWallClockId() {
        CommandGenerator gen = new CommandGenerator(new SeededEntropy(9));
        for (int i = 0; i < 300; i++) {
            assertThat(gen.generate(specs("XADD").get(0)).argStrings()).doesNotContain("*");
        }
    }

    @Test
    void mutationsMakeInvalidVariantsButKeepTheCommandName() {
        Mutator m = new Mutator(new SeededEntropy(11));
        Command valid = Command.of("GETRANGE", List.of("GETRANGE", "k1", "0", "5"));
        List<Command> mutated = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            mutated.add(m.mutate(valid, 1));
        }
        assertThat(mutated).allMatch(c -> c.arg(0).equals("GETRANGE") && c.specName().equals("GETRANGE"));
        assertThat(mutated).anyMatch(c -> c.args().size() == 3);
        assertThat(mutated).anyMatch(c -> c.args().size() == 5);
        assertThat(mutated).anyMatch(c -> c.argStrings().contains("NOSUCHTOKEN"));
        assertThat(mutated).anyMatch(c -> c.args().size() == 4 && !c.equals(valid));
    }
}
