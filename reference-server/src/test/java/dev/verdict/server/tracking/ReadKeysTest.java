package dev.verdict.server.tracking;

import dev.verdict.server.command.CommandFlag;
import dev.verdict.server.command.CommandSpec;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.KeySpecs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracking reads a fixed-key command's keys from its legacy first/last/step range instead of its
 * key specs; this pins that the two agree for every read-only command that is not movablekeys.
 */
class ReadKeysTest {

    @Test
    void legacyRangeFindsTheKeySpecsKeysOfEveryFixedKeyReadOnlyCommand() {
        CommandTable table = CommandTable.load();
        List<CommandSpec> commands = new ArrayList<>();
        for (CommandSpec c : table.all()) {
            commands.add(c);
            commands.addAll(c.subcommands().values());
        }
        int checked = 0;
        for (CommandSpec c : commands) {
            if (!c.hasFlag(CommandFlag.READONLY) || c.hasFlag(CommandFlag.MOVABLEKEYS) || c.hasFlag(CommandFlag.PUBSUB)) continue;
            for (int argc : new int[] {Math.abs(c.arity()), Math.abs(c.arity()) + 1, Math.abs(c.arity()) + 3}) {
                if (!c.arityAccepts(argc)) continue;
                byte[][] argv = new byte[argc][];
                String[] names = c.fullName().split("\\|");
                for (int i = 0; i < argc; i++) {
                    argv[i] = (i < names.length ? names[i] : "arg" + i).getBytes(StandardCharsets.US_ASCII);
                }
                List<Integer> fromSpecs = new ArrayList<>();
                List<KeySpecs.KeyPosition> found = KeySpecs.find(c, argv);
                if (found == null) continue;
                for (KeySpecs.KeyPosition k : found) fromSpecs.add(k.index());
                List<Integer> fromRange = new ArrayList<>();
                if (c.firstKey() > 0) {
                    int last = c.lastKey() < 0 ? argc + c.lastKey() : c.lastKey();
                    for (int i = c.firstKey(); i <= last && i < argc; i += c.keyStep()) fromRange.add(i);
                }
                assertThat(fromRange).as(c.fullName() + " with " + argc + " arguments").isEqualTo(fromSpecs);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }
}
