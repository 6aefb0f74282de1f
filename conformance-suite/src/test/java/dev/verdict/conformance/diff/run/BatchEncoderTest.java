package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.RespEncoder;
import dev.verdict.conformance.diff.Command;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchEncoderTest {

    @Test
    void aBatchIsTheGeneralEncodersCommandsOneAfterAnother() {
        List<String> many = new ArrayList<>(List.of("RPUSH", "k1"));
        for (int i = 0; i < 129; i++) {
            many.add("m" + i);
        }
        List<Command> batch = List.of(Command.of("PING"), Command.of("SET", "k1", ""),
                Command.of("SET", List.of("SET", "k2", "bin\u0000\u00ff", "x".repeat(1000))), Command.of("RPUSH", many));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (Command c : batch) {
            expected.writeBytes(RespEncoder.command(c.args().toArray(new byte[0][])));
        }
        assertThat(BatchEncoder.encode(batch)).isEqualTo(expected.toByteArray());
    }

    @Test
    void anEmptyBatchIsNoBytes() {
        assertThat(BatchEncoder.encode(List.of())).isEmpty();
    }
}
