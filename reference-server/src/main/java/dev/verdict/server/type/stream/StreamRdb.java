package dev.verdict.server.type.stream;

import dev.verdict.server.persistence.rdb.RdbOutput;

import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A stream's RDB payload as Redis 7.0 writes it (rdbSaveObject, RDB_TYPE_STREAM_LISTPACKS_2):
 * the nodes as raw listpacks keyed by master ID, the stream's counters and IDs, then each group
 * with its last ID, read counter, PEL (ID, delivery time, count) and consumers (name, seen time,
 * pending IDs).
 */
public final class StreamRdb {

    /** RDB_TYPE_STREAM_LISTPACKS_2. */
    public static final int TYPE = 19;

    private StreamRdb() {
    }

    public static void write(RdbOutput out, Stream s) throws IOException {
        var nodes = s.nodesAsListpacks();
        out.writeLength(nodes.size());
        for (byte[][] node : nodes) {
            out.writeString(node[0]);
            out.writeString(node[1]);
        }
        out.writeLength(s.length());
        writeId(out, s.lastId());
        writeId(out, s.firstId());
        writeId(out, s.maxDeletedId());
        writeLen(out, s.entriesAdded());
        out.writeLength(s.groups().size());
        for (ConsumerGroup g : s.groups().values()) {
            out.writeString(g.name());
            writeId(out, g.lastId());
            writeLen(out, g.entriesRead());
            writePel(out, g.pending(), true);
            out.writeLength(g.consumers().size());
            for (Consumer c : g.consumers().values()) {
                out.writeString(c.name());
                out.writeMillis(c.seenTime());
                writePel(out, c.pending(), false);
            }
        }
    }

    private static void writeId(RdbOutput out, StreamId id) throws IOException {
        writeLen(out, id.ms());
        writeLen(out, id.seq());
    }

    /** rdbSaveLen of an unsigned 64-bit value: above 2^63 it is negative here but still 8 bytes. */
    private static void writeLen(RdbOutput out, long v) throws IOException {
        if (v >= 0) {
            out.writeLength(v);
            return;
        }
        out.writeByte(0x81);
        for (int i = 7; i >= 0; i--) out.writeByte((int) (v >>> (8 * i)) & 0xff);
    }

    private static void writePel(RdbOutput out, NavigableMap<StreamId, PendingEntry> pel, boolean nacks)
            throws IOException {
        out.writeLength(pel.size());
        for (Map.Entry<StreamId, PendingEntry> e : pel.entrySet()) {
            out.write(e.getKey().raxKey());
            if (nacks) {
                out.writeMillis(e.getValue().deliveryTime());
                writeLen(out, e.getValue().deliveryCount());
            }
        }
    }
}
