package dev.verdict.server.type;

import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams, HyperLogLog and geo publish Redis's event names; the expected sequence is what real
 * Redis 7.0.15 published for the same commands.
 */
class KeyspaceEventNamesTest {

    private static final String[][] COMMANDS = {
            {"XADD", "s", "1-1", "a", "1"}, {"XADD", "s", "MAXLEN", "0", "2-1", "a", "1"}, {"XADD", "s", "3-1", "a", "1"},
            {"XDEL", "s", "3-1"}, {"XDEL", "s", "9-9"}, {"XADD", "s", "4-1", "a", "1"}, {"XTRIM", "s", "MAXLEN", "0"},
            {"XGROUP", "CREATE", "s", "g", "$"}, {"XGROUP", "SETID", "s", "g", "0"},
            {"XGROUP", "CREATECONSUMER", "s", "g", "c"}, {"XGROUP", "CREATECONSUMER", "s", "g", "c"},
            {"XADD", "s", "5-1", "a", "1"}, {"XREADGROUP", "GROUP", "g", "c2", "STREAMS", "s", ">"},
            {"XCLAIM", "s", "g", "c3", "0", "5-1"}, {"XGROUP", "DELCONSUMER", "s", "g", "c"},
            {"XGROUP", "DESTROY", "s", "g"}, {"XSETID", "s", "9-9"},
            {"PFADD", "h", "a"}, {"PFADD", "h", "a"}, {"PFMERGE", "h2", "h"}, {"PFCOUNT", "h"},
            {"GEOADD", "g", "1", "1", "a"}, {"GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "1", "1", "BYRADIUS", "10", "km"},
            {"GEORADIUS", "g", "1", "1", "10", "km", "STORE", "d2"},
            {"GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "50", "50", "BYRADIUS", "1", "km"}};

    private static final List<String> EXPECTED = List.of("xadd", "xadd", "xtrim", "xadd", "xdel", "xadd", "xtrim",
            "xgroup-create", "xgroup-setid", "xgroup-createconsumer", "xadd", "xgroup-createconsumer",
            "xgroup-createconsumer", "xgroup-delconsumer", "xgroup-destroy", "xsetid", "pfadd", "pfadd", "zadd",
            "geosearchstore", "georadiusstore", "del");

    @Test
    void writesPublishRedisEventNames() throws IOException {
        try (RedisServer server = RedisServer.start(ServerConfig.fromArgs("--port", "0", "--notify-keyspace-events", "EA"));
             RawRespClient subscriber = new RawRespClient(server.port());
             RawRespClient writer = new RawRespClient(server.port())) {
            subscriber.call("PSUBSCRIBE", "__keyevent@0__:*");
            for (String[] command : COMMANDS) writer.call(command);
            writer.call("PING");
            List<String> events = new ArrayList<>();
            for (int i = 0; i < EXPECTED.size(); i++) {
                String message = new String(subscriber.readReply(), StandardCharsets.UTF_8);
                String[] parts = message.split("\r\n");
                events.add(parts[6].substring("__keyevent@0__:".length()));
            }
            assertThat(events).isEqualTo(EXPECTED);
        }
    }
}
