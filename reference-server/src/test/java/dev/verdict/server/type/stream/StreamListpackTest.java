package dev.verdict.server.type.stream;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each radix-tree node encodes to the exact listpack real Redis 7.0.15 put in its DUMP payload
 * for the same commands (resources/stream/listpacks-golden.txt): master entry, SAMEFIELDS and
 * DELETED flags, negative sequence deltas, integer-looking values.
 */
class StreamListpackTest {

    private static void add(Stream s, long ms, long seq, String... kv) {
        byte[][] fields = new byte[kv.length][];
        for (int i = 0; i < kv.length; i++) fields[i] = kv[i].getBytes(StandardCharsets.UTF_8);
        assertThat(s.append(fields, new StreamId(ms, seq), true, 0, 4096, 4)).isNotNull();
    }

    @Test
    void nodesEncodeToRedisListpacks() throws IOException {
        Stream s = new Stream();
        add(s, 5, 3, "name", "alice", "age", "30");
        add(s, 6, 0, "name", "bob", "age", "-7");
        add(s, 6, 1, "other", "x".repeat(70));
        add(s, 900000, 5, "name", "carol", "age", "123456789012");
        add(s, 900001, 0, "k", "v");
        add(s, 900001, 1, "k", "9999999999999999999");
        add(s, 900002, 0, "k", "v2", "k2", "v3");
        assertThat(s.delete(new StreamId(6, 0))).isTrue();
        assertThat(s.delete(new StreamId(900001, 1))).isTrue();

        List<String> ours = new ArrayList<>();
        for (byte[][] node : s.nodesAsListpacks()) {
            ours.add("node " + HexFormat.of().formatHex(node[0]) + " " + HexFormat.of().formatHex(node[1]));
        }
        assertThat(ours).isEqualTo(golden());
    }

    private static List<String> golden() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = StreamListpackTest.class.getResourceAsStream("/stream/listpacks-golden.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("node ")) lines.add(line);
            }
        }
        return lines;
    }
}
