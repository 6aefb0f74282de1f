package dev.verdict.conformance.diff;

import dev.verdict.conformance.diff.grammar.ArgType;
import dev.verdict.conformance.diff.grammar.Argument;
import dev.verdict.conformance.diff.grammar.CommandSpec;
import dev.verdict.conformance.diff.grammar.Family;
import dev.verdict.conformance.diff.grammar.Grammar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrammarTest {

    private final Grammar grammar = Grammar.fromClasspath();

    @Test
    void everyRedis70CommandIsReadWithSubcommandsInsteadOfContainers() {
        assertThat(grammar.commands()).hasSizeGreaterThan(350);
        assertThat(grammar.command("CONFIG GET")).isPresent();
        assertThat(grammar.command("config")).isEmpty();
        assertThat(grammar.command("get").orElseThrow().arity()).isEqualTo(2);
        assertThat(grammar.command("CONFIG GET").orElseThrow().words()).containsExactly("CONFIG", "GET");
    }

    @Test
    void setHasItsOptionalConditionAndExpirationAlternatives() {
        CommandSpec set = grammar.command("SET").orElseThrow();
        assertThat(set.family()).isEqualTo(Family.STRINGS);
        assertThat(set.hasFlag("write")).isTrue();
        Argument expiration = set.arguments().stream().filter(a -> a.name().equals("expiration")).findFirst().orElseThrow();
        assertThat(expiration.type()).isEqualTo(ArgType.ONEOF);
        assertThat(expiration.optional()).isTrue();
        assertThat(expiration.children()).extracting(Argument::token).containsExactly("EX", "PX", "EXAT", "PXAT", "KEEPTTL");
    }

    @Test
    void zaddScoreMemberIsARepeatedBlockOfDoubleAndString() {
        Argument pairs = grammar.command("ZADD").orElseThrow().arguments().stream()
                .filter(a -> a.name().equals("score_member")).findFirst().orElseThrow();
        assertThat(pairs.type()).isEqualTo(ArgType.BLOCK);
        assertThat(pairs.multiple()).isTrue();
        assertThat(pairs.children()).extracting(Argument::type).containsExactly(ArgType.DOUBLE, ArgType.STRING);
    }

    @Test
    void blockingCommandsCarryTheBlockingFlag() {
        assertThat(grammar.command("BLPOP").orElseThrow().hasFlag("blocking")).isTrue();
        assertThat(grammar.command("LPOP").orElseThrow().hasFlag("blocking")).isFalse();
    }
}
