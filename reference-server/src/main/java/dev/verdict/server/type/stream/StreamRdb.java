package dev.verdict.server.type.stream;

import dev.verdict.server.persistence.rdb.RdbException;
import dev.verdict.server.persistence.rdb.RdbInput;
import dev.verdict.server.persistence.rdb.RdbOutput;
import dev.verdict.server.type.listpack.Listpack;

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

    /** rdbLoadObject for RDB_TYPE_STREAM_LISTPACKS (15) and _2 (19). */
    public static Stream read(RdbInput in, int type) throws IOException, RdbException {
        Stream s = new Stream();
        long nodes = in.readLength();
        for (long n = 0; n < nodes; n++) {
            byte[] key = in.readString();
            if (key.length != 16) throw new RdbException("Stream node key entry is not the size of a stream ID");
            StreamId masterId = new StreamId(longBE(key, 0), longBE(key, 8));
            s.addNode(nodeFrom(masterId, Listpack.fromBytes(in.readString())));
        }
        long length = in.readLength();
        StreamId lastId = readId(in);
        StreamId firstId = StreamId.MIN;
        StreamId maxDeleted = StreamId.MIN;
        long entriesAdded = length;
        if (type == TYPE) {
            firstId = readId(in);
            maxDeleted = readId(in);
            entriesAdded = in.readLength();
        } else {
            StreamId first = s.edgeId(true);
            if (first != null) firstId = first;
        }
        s.restoreMetadata(length, lastId, firstId, maxDeleted, entriesAdded);
        long groups = in.readLength();
        for (long g = 0; g < groups; g++) {
            byte[] name = in.readString();
            StreamId groupLast = readId(in);
            long entriesRead = type == TYPE ? in.readLength() : s.estimateEntriesRead(groupLast);
            ConsumerGroup group = s.createGroup(name, groupLast, entriesRead);
            if (group == null) throw new RdbException("Duplicated consumer group name " + new String(name));
            long pel = in.readLength();
            for (long i = 0; i < pel; i++) {
                StreamId id = rawId(in);
                PendingEntry nack = new PendingEntry(null, in.readLongLE());
                nack.deliveryCount = in.readLength();
                group.pel.put(id, nack);
            }
            long consumers = in.readLength();
            for (long c = 0; c < consumers; c++) {
                byte[] consumerName = in.readString();
                Consumer consumer = group.createConsumer(consumerName, in.readLongLE());
                if (consumer == null) throw new RdbException("Duplicated consumer name");
                long owned = in.readLength();
                for (long i = 0; i < owned; i++) {
                    StreamId id = rawId(in);
                    PendingEntry nack = group.pel.get(id);
                    if (nack == null) throw new RdbException("Consumer entry not found in group global PEL");
                    nack.consumer = consumer;
                    consumer.pel.put(id, nack);
                }
            }
        }
        return s;
    }

    /** A node rebuilt from its listpack: master fields, then each entry with its flags. */
    private static StreamNode nodeFrom(StreamId masterId, Listpack lp) throws RdbException {
        int p = lp.first();
        if (p == -1) throw new RdbException("Empty listpack inside stream");
        p = lp.next(p); // live count: recomputed from the flags
        p = lp.next(p); // deleted count: likewise
        int masterCount = (int) lp.getLong(p);
        byte[][] master = new byte[masterCount * 2][];
        for (int i = 0; i < masterCount; i++) {
            p = lp.next(p);
            master[2 * i] = lp.get(p);
        }
        p = lp.next(lp.next(p)); // the master entry's terminating 0
        StreamNode node = new StreamNode(masterId, master);
        while (p != -1) {
            int flags = (int) lp.getLong(p);
            p = lp.next(p);
            long ms = masterId.ms() + lp.getLong(p);
            p = lp.next(p);
            long seq = masterId.seq() + lp.getLong(p);
            p = lp.next(p);
            byte[][] fields;
            if ((flags & 2) != 0) {
                fields = new byte[masterCount * 2][];
                for (int i = 0; i < masterCount; i++) {
                    fields[2 * i] = master[2 * i];
                    fields[2 * i + 1] = lp.get(p);
                    p = lp.next(p);
                }
            } else {
                int count = (int) lp.getLong(p);
                p = lp.next(p);
                fields = new byte[count * 2][];
                for (int i = 0; i < count * 2; i++) {
                    fields[i] = lp.get(p);
                    p = lp.next(p);
                }
            }
            p = lp.next(p); // lp-count
            StreamId id = new StreamId(ms, seq);
            node.append(id, fields);
            if ((flags & 1) != 0) node.markDeleted(node.find(id));
        }
        return node;
    }

    private static StreamId readId(RdbInput in) throws IOException, RdbException {
        return new StreamId(in.readLength(), in.readLength());
    }

    private static StreamId rawId(RdbInput in) throws IOException, RdbException {
        byte[] raw = in.readBytes(16);
        return new StreamId(longBE(raw, 0), longBE(raw, 8));
    }

    private static long longBE(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xff);
        return v;
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
