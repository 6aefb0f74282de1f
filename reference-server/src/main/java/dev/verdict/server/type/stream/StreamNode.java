package dev.verdict.server.type.stream;

import dev.verdict.server.type.listpack.Listpack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One radix-tree node of a stream: the entries of one listpack (t_stream.c's layout). The
 * first entry's fields become the master fields; later entries with the same fields are stored
 * as values only (SAMEFIELDS); IDs are deltas from the master ID; deletion only flags an entry.
 * The node tracks the listpack's exact byte size so that it closes where Redis's would.
 */
final class StreamNode {

    static final class Slot {
        final StreamId id;
        final byte[][] fieldsAndValues;
        final int encodedSize;
        final boolean sameFields;
        boolean deleted;

        Slot(StreamId id, byte[][] fieldsAndValues, int encodedSize, boolean sameFields) {
            this.id = id;
            this.fieldsAndValues = fieldsAndValues;
            this.encodedSize = encodedSize;
            this.sameFields = sameFields;
        }
    }

    private static final int FLAG_DELETED = 1;
    private static final int FLAG_SAMEFIELDS = 2;
    private static final int EMPTY_LISTPACK = Listpack.HEADER_SIZE + 1;

    private final StreamId masterId;
    private final byte[][] masterFields;
    private final int masterFieldsSize;
    private final List<Slot> slots = new ArrayList<>();
    private int live;
    private int deleted;
    private long entriesSize;

    StreamNode(StreamId masterId, byte[][] fieldsAndValues) {
        this.masterId = masterId;
        int n = fieldsAndValues.length / 2;
        masterFields = new byte[n][];
        int size = 0;
        for (int i = 0; i < n; i++) {
            masterFields[i] = fieldsAndValues[2 * i];
            size += Listpack.entrySizeOf(masterFields[i]);
        }
        masterFieldsSize = size;
    }

    private StreamNode(StreamNode other) {
        masterId = other.masterId;
        masterFields = other.masterFields;
        masterFieldsSize = other.masterFieldsSize;
        for (Slot slot : other.slots) {
            Slot copy = new Slot(slot.id, slot.fieldsAndValues, slot.encodedSize, slot.sameFields);
            copy.deleted = slot.deleted;
            slots.add(copy);
        }
        live = other.live;
        deleted = other.deleted;
        entriesSize = other.entriesSize;
    }

    /** A copy sharing only the immutable element bytes. */
    StreamNode copy() {
        return new StreamNode(this);
    }

    StreamId masterId() {
        return masterId;
    }

    int live() {
        return live;
    }

    int deletedCount() {
        return deleted;
    }

    List<Slot> slots() {
        return slots;
    }

    /** The listpack's total bytes (lpBytes). */
    long bytes() {
        return EMPTY_LISTPACK + sizeOf(live) + sizeOf(deleted)
                + sizeOf(masterFields.length) + masterFieldsSize + sizeOf(0)
                + entriesSize;
    }

    private boolean sameFields(byte[][] fieldsAndValues) {
        if (fieldsAndValues.length / 2 != masterFields.length) return false;
        for (int i = 0; i < masterFields.length; i++) {
            if (!Arrays.equals(masterFields[i], fieldsAndValues[2 * i])) return false;
        }
        return true;
    }

    void append(StreamId id, byte[][] fieldsAndValues) {
        int numFields = fieldsAndValues.length / 2;
        boolean same = sameFields(fieldsAndValues);
        int size = sizeOf(same ? 2 : 0)
                + sizeOf(id.ms() - masterId.ms())
                + sizeOf(id.seq() - masterId.seq());
        long lpCount = numFields + 3;
        if (same) {
            for (int i = 0; i < numFields; i++) size += Listpack.entrySizeOf(fieldsAndValues[2 * i + 1]);
        } else {
            size += sizeOf(numFields);
            for (byte[] element : fieldsAndValues) size += Listpack.entrySizeOf(element);
            lpCount += numFields + 1;
        }
        size += sizeOf(lpCount);
        slots.add(new Slot(id, fieldsAndValues, size, same));
        entriesSize += size;
        live++;
    }

    /** Flags the entry as deleted; false when it is not here or already deleted. */
    boolean markDeleted(Slot slot) {
        if (slot.deleted) return false;
        slot.deleted = true;
        live--;
        deleted++;
        return true;
    }

    Slot find(StreamId id) {
        int lo = 0;
        int hi = slots.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = slots.get(mid).id.compareTo(id);
            if (c == 0) return slots.get(mid);
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    /** Index of the first slot with ID >= {@code id}. */
    int lowerBound(StreamId id) {
        int lo = 0;
        int hi = slots.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (slots.get(mid).id.compareTo(id) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Index of the first slot with ID > {@code id}. */
    int upperBound(StreamId id) {
        int lo = 0;
        int hi = slots.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (slots.get(mid).id.compareTo(id) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int sizeOf(long v) {
        return Listpack.entrySizeOf(decimal(v));
    }

    private static byte[] decimal(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The node as Redis stores it, byte for byte: the master entry (live count, deleted count,
     * master fields, 0), then per entry flags, ID deltas, values (or field count and pairs), and
     * the entry's element count. This is what RDB and DUMP carry for each radix-tree node.
     */
    Listpack toListpack() {
        Listpack lp = new Listpack();
        lp.append(decimal(live));
        lp.append(decimal(deleted));
        lp.append(decimal(masterFields.length));
        for (byte[] field : masterFields) lp.append(field);
        lp.append(decimal(0));
        for (Slot slot : slots) {
            int numFields = slot.fieldsAndValues.length / 2;
            lp.append(decimal((slot.deleted ? FLAG_DELETED : 0) | (slot.sameFields ? FLAG_SAMEFIELDS : 0)));
            lp.append(decimal(slot.id.ms() - masterId.ms()));
            lp.append(decimal(slot.id.seq() - masterId.seq()));
            long lpCount = numFields + 3;
            if (slot.sameFields) {
                for (int i = 0; i < numFields; i++) lp.append(slot.fieldsAndValues[2 * i + 1]);
            } else {
                lp.append(decimal(numFields));
                for (byte[] element : slot.fieldsAndValues) lp.append(element);
                lpCount += numFields + 1;
            }
            lp.append(decimal(lpCount));
        }
        return lp;
    }

    StreamId lastId() {
        return slots.get(slots.size() - 1).id;
    }
}
