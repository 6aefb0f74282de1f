package dev.verdict.server.type.stream;

import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.type.RawRespClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams through RESTORE and DUMP: payloads real Redis 7.0.15 produced (resources/stream/
 * dump-golden.txt, LZF-compressed listpacks, groups, PELs and consumers included) load and come
 * back out byte for byte.
 */
class StreamRdbTest {

    private static Map<String, byte[]> golden() throws IOException {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        try (InputStream in = StreamRdbTest.class.getResourceAsStream("/stream/dump-golden.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] kv = line.split(" ");
                payloads.put(kv[0], HexFormat.of().parseHex(kv[1]));
            }
        }
        return payloads;
    }

    @Test
    void redisDumpPayloadsRestoreAndDumpBackIdentically() throws IOException {
        try (RedisServer server = RedisServer.start(ServerConfig.fromArgs("--port", "0"));
             RawRespClient client = new RawRespClient(server.port())) {
            for (Map.Entry<String, byte[]> e : golden().entrySet()) {
                byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
                assertThat(new String(client.callBytes("RESTORE".getBytes(), key, "0".getBytes(), e.getValue()),
                        StandardCharsets.UTF_8)).as("RESTORE " + e.getKey()).isEqualTo("+OK\r\n");
                assertThat(client.bulk("DUMP", e.getKey())).as("DUMP " + e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(client.call("XRANGE", "s", "-", "+", "COUNT", "1"))
                    .isEqualTo("*1\r\n*2\r\n$3\r\n5-3\r\n*4\r\n$4\r\nname\r\n$5\r\nalice\r\n$3\r\nage\r\n$2\r\n30\r\n");
            assertThat(client.call("XPENDING", "g", "grp"))
                    .isEqualTo("*4\r\n:2\r\n$3\r\n1-1\r\n$3\r\n1-2\r\n*2\r\n*2\r\n$5\r\nalice\r\n$1\r\n1\r\n*2\r\n$3\r\nbob\r\n$1\r\n1\r\n");
        }
    }
}
