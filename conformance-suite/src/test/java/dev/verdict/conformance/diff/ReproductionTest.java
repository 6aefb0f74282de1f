package dev.verdict.conformance.diff;

import dev.verdict.conformance.AcceptedDifferences;
import dev.verdict.conformance.diff.report.Finding;
import dev.verdict.conformance.diff.report.Reproduction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReproductionTest {

    @Test
    void argumentsAreQuotedTheWayRedisCliReadsThem() {
        assertThat(Command.of("SET", "k1", "plain").toString()).isEqualTo("SET k1 plain");
        assertThat(Command.of("SET", "k1", "").toString()).isEqualTo("SET k1 \"\"");
        assertThat(Command.of("SET", "k1", "hello world").toString()).isEqualTo("SET k1 \"hello world\"");
        assertThat(Command.of("SET", "k1", "a\"b\\c").toString()).isEqualTo("SET k1 \"a\\\"b\\\\c\"");
        byte[] binary = "bin\u0000\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new Command("SET", List.of("SET".getBytes(), "k".getBytes(), binary)).toString())
                .isEqualTo("SET k \"bin\\x00\\xff\\n\"");
    }

    @Test
    void aReproductionScriptStartsFromAnEmptyDatabaseAndCarriesSeedAndBothReplies() {
        Finding f = new Finding("diff-lrange-1", "LRANGE", "lists", 42, List.of("RPUSH k1 a b", "LRANGE k1 0 0"),
                "*1\r\n$1\r\na\r\n", "*2\r\n$1\r\na\r\n$1\r\nb\r\n", 30, 1, false, null);
        String script = Reproduction.script(f, "reference", "redis");
        assertThat(script).contains("seed 42").contains("*1\\r\\n$1\\r\\na\\r\\n").contains("*2\\r\\n");
        assertThat(script.lines().filter(l -> !l.startsWith("#")).toList())
                .containsExactly("FLUSHALL", "RPUSH k1 a b", "LRANGE k1 0 0");
    }

    @Test
    void acceptedDifferencesMatchByIdOrCommandAndTargetKind() {
        AcceptedDifferences accepted = AcceptedDifferences.parse("""
                # comment
                spec SetSpec.setWithGet * : not a diff entry
                diff LRANGE REFERENCE_IN_JVM : quicklist not yet implemented
                diff diff-get-abc * : known
                diff CONFIG GET REDIS_PROCESS : defaults differ
                """);
        Finding lrange = new Finding("diff-lrange-9", "LRANGE", "lists", 1, List.of(), "", "", 1, 1, false, null);
        Finding get = new Finding("diff-get-abc", "GET", "strings", 1, List.of(), "", "", 1, 1, false, null);
        Finding config = new Finding("x", "CONFIG GET", "server", 1, List.of(), "", "", 1, 1, false, null);
        assertThat(accepted.reasonForFinding(lrange.id(), lrange.command(), "REFERENCE_IN_JVM", "REDIS_PROCESS")).contains("quicklist not yet implemented");
        assertThat(accepted.reasonForFinding(lrange.id(), lrange.command(), "REDIS_PROCESS", "REDIS_CONTAINER")).isEmpty();
        assertThat(accepted.reasonForFinding(get.id(), get.command(), "A", "B")).contains("known");
        assertThat(accepted.reasonForFinding(config.id(), config.command(), "A", "REDIS_PROCESS")).contains("defaults differ");
        assertThatThrownBy(() -> AcceptedDifferences.parse("diff LRANGE no reason")).isInstanceOf(IllegalArgumentException.class);
    }
}
