package dev.verdict.server.persistence.aof;

import dev.verdict.server.db.RedisObject;
import dev.verdict.server.persistence.snapshot.Snapshot;
import dev.verdict.server.type.hash.HashType;
import dev.verdict.server.type.hash.HashValue;
import dev.verdict.server.type.list.ListType;
import dev.verdict.server.type.list.ListValue;
import dev.verdict.server.type.set.SetType;
import dev.verdict.server.type.set.SetValue;
import dev.verdict.server.type.stream.Consumer;
import dev.verdict.server.type.stream.ConsumerGroup;
import dev.verdict.server.type.stream.PendingEntry;
import dev.verdict.server.type.stream.Stream;
import dev.verdict.server.type.stream.StreamId;
import dev.verdict.server.type.string.StringValue;
import dev.verdict.server.type.zset.ZSetType;
import dev.verdict.server.type.zset.ZSetValue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * rewriteAppendOnlyFileRio without the RDB preamble: the commands that rebuild a snapshot, at
 * most 64 items per command (AOF_REWRITE_ITEMS_PER_CMD), then PEXPIREAT for keys with a TTL.
 */
final class AofRewriter {

    private static final int ITEMS_PER_CMD = 64;

    private AofRewriter() {
    }

    static void write(OutputStream out, Snapshot snapshot) throws IOException {
        for (Snapshot.Db db : snapshot.dbs()) {
            command(out, List.of(b("SELECT"), b(Integer.toString(db.id))));
            for (int i = 0; i < db.size; i++) {
                byte[] key = db.key(i);
                RedisObject v = db.value(i);
                switch (v.type()) {
                    case STRING -> command(out, List.of(b("SET"), key, ((StringValue) v).bytes()));
                    case LIST -> batched(out, "RPUSH", key, ListType.elements((ListValue) v));
                    case SET -> batched(out, "SADD", key, SetType.members((SetValue) v));
                    case ZSET -> {
                        List<byte[]> items = new ArrayList<>();
                        for (ZSetType.Entry e : ZSetType.entries((ZSetValue) v)) {
                            items.add(dev.verdict.server.resp.DoubleFormat.g17(e.score()).getBytes(StandardCharsets.US_ASCII));
                            items.add(e.member());
                        }
                        batchedPairs(out, "ZADD", key, items);
                    }
                    case HASH -> {
                        List<byte[]> items = new ArrayList<>();
                        HashType.forEach((HashValue) v, (f, val) -> {
                            items.add(f);
                            items.add(val);
                        });
                        batchedPairs(out, "HMSET", key, items);
                    }
                    case STREAM -> stream(out, key, (Stream) v);
                    default -> throw new IOException("Rewriting a " + v.type().typeName()
                            + " value to the AOF is not implemented in this build");
                }
                if (db.expireAt(i) != -1) {
                    command(out, List.of(b("PEXPIREAT"), key, b(Long.toString(db.expireAt(i)))));
                }
            }
        }
    }

    /**
     * rewriteStreamObject: an XADD per entry (an empty stream through the {@code XADD MAXLEN 0}
     * trick), XSETID for the last ID and counters, then per group XGROUP CREATE with its read
     * counter, an XCLAIM per pending entry of each consumer, XGROUP CREATECONSUMER for a consumer
     * with none pending.
     */
    private static void stream(OutputStream out, byte[] key, Stream s) throws IOException {
        if (s.length() > 0) {
            IOException[] failed = {null};
            s.scan(StreamId.MIN, StreamId.MAX, false, e -> {
                List<byte[]> argv = new ArrayList<>(List.of(b("XADD"), key, e.id().toBytes()));
                argv.addAll(List.of(e.fieldsAndValues()));
                try {
                    command(out, argv);
                } catch (IOException io) {
                    failed[0] = io;
                    return false;
                }
                return true;
            });
            if (failed[0] != null) throw failed[0];
        } else {
            command(out, List.of(b("XADD"), key, b("MAXLEN"), b("0"), b("0-1"), b("x"), b("y")));
        }
        command(out, List.of(b("XSETID"), key, s.lastId().toBytes(), b("ENTRIESADDED"), b(Long.toString(s.entriesAdded())),
                b("MAXDELETEDID"), s.maxDeletedId().toBytes()));
        for (ConsumerGroup g : s.groups().values()) {
            command(out, List.of(b("XGROUP"), b("CREATE"), key, g.name(), g.lastId().toBytes(), b("ENTRIESREAD"),
                    b(Long.toString(g.entriesRead()))));
            for (Consumer c : g.consumers().values()) {
                if (c.pending().isEmpty()) {
                    command(out, List.of(b("XGROUP"), b("CREATECONSUMER"), key, g.name(), c.name()));
                    continue;
                }
                for (Map.Entry<StreamId, PendingEntry> p : c.pending().entrySet()) {
                    command(out, List.of(b("XCLAIM"), key, g.name(), c.name(), b("0"), p.getKey().toBytes(),
                            b("TIME"), b(Long.toString(p.getValue().deliveryTime())),
                            b("RETRYCOUNT"), b(Long.toString(p.getValue().deliveryCount())), b("JUSTID"), b("FORCE")));
                }
            }
        }
    }

    private static void batched(OutputStream out, String cmd, byte[] key, List<byte[]> items) throws IOException {
        for (int i = 0; i < items.size(); i += ITEMS_PER_CMD) {
            List<byte[]> argv = new ArrayList<>(List.of(b(cmd), key));
            argv.addAll(items.subList(i, Math.min(items.size(), i + ITEMS_PER_CMD)));
            command(out, argv);
        }
    }

    private static void batchedPairs(OutputStream out, String cmd, byte[] key, List<byte[]> items) throws IOException {
        for (int i = 0; i < items.size(); i += 2 * ITEMS_PER_CMD) {
            List<byte[]> argv = new ArrayList<>(List.of(b(cmd), key));
            argv.addAll(items.subList(i, Math.min(items.size(), i + 2 * ITEMS_PER_CMD)));
            command(out, argv);
        }
    }

    private static void command(OutputStream out, List<byte[]> argv) throws IOException {
        out.write(("*" + argv.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : argv) {
            out.write(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(a);
            out.write('\r');
            out.write('\n');
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
