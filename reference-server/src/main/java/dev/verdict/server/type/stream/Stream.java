package dev.verdict.server.type.stream;

import dev.verdict.server.db.Encoding;
import dev.verdict.server.db.MemoryFootprint;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.util.ValueDigest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A stream value (t_stream.c's type API): nodes of up to {@code stream-node-max-entries}
 * entries / {@code stream-node-max-bytes} bytes keyed by their master ID, as Redis's radix
 * tree of listpacks, plus the metadata XINFO reports and the consumer groups.
 */
public final class Stream extends RedisObject {

    private final NavigableMap<StreamId, StreamNode> nodes = new TreeMap<>();
    private final NavigableMap<byte[], ConsumerGroup> groups = new TreeMap<>(Arrays::compareUnsigned);
    private long length;
    private StreamId lastId = StreamId.MIN;
    private StreamId firstId = StreamId.MIN;
    private StreamId maxDeletedId = StreamId.MIN;
    private long entriesAdded;

    @Override
    public ObjectType type() {
        return ObjectType.STREAM;
    }

    @Override
    public Encoding encoding() {
        return Encoding.STREAM;
    }

    /** Roughly what Redis allocates: the listpacks, one rax node each, and the groups' PEL entries. */
    @Override
    public long memoryUsage() {
        long total = MemoryFootprint.OBJECT_HEADER + 64;
        for (StreamNode node : nodes.values()) total += node.bytes() + 32;
        for (ConsumerGroup g : groups.values()) total += 64 + g.name().length + 48L * g.pel.size() + 64L * g.consumers.size();
        return total;
    }

    /** streamDup: entries, metadata, and every group with its consumers and pending entries. */
    @Override
    public RedisObject duplicate() {
        Stream copy = new Stream();
        for (StreamNode node : nodes.values()) copy.nodes.put(node.masterId(), node.copy());
        copy.length = length;
        copy.lastId = lastId;
        copy.firstId = firstId;
        copy.maxDeletedId = maxDeletedId;
        copy.entriesAdded = entriesAdded;
        for (ConsumerGroup g : groups.values()) copy.groups.put(g.name(), g.copy());
        return copy;
    }

    /** debug.c: each live entry mixes "ms.seq", then each field and value, in order. */
    @Override
    public void digest(ValueDigest digest) {
        scan(StreamId.MIN, StreamId.MAX, false, e -> {
            digest.mix((Long.toUnsignedString(e.id().ms()) + "." + Long.toUnsignedString(e.id().seq()))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (byte[] element : e.fieldsAndValues()) digest.mix(element);
            return true;
        });
    }

    public long length() {
        return length;
    }

    public StreamId lastId() {
        return lastId;
    }

    public StreamId firstId() {
        return firstId;
    }

    public StreamId maxDeletedId() {
        return maxDeletedId;
    }

    public long entriesAdded() {
        return entriesAdded;
    }

    /** XSETID's changes, already validated by the caller. */
    public void setLastId(StreamId id, long newEntriesAdded, StreamId newMaxDeleted) {
        lastId = id;
        if (newEntriesAdded != -1) entriesAdded = newEntriesAdded;
        if (!newMaxDeleted.isZero()) maxDeletedId = newMaxDeleted;
    }

    /** Each radix-tree node's key (16-byte big-endian master ID) and listpack bytes, in order (RDB/DUMP). */
    public List<byte[][]> nodesAsListpacks() {
        List<byte[][]> out = new ArrayList<>(nodes.size());
        for (StreamNode node : nodes.values()) {
            out.add(new byte[][] {node.masterId().raxKey(), node.toListpack().toBytes()});
        }
        return out;
    }

    /** RDB loading: a node rebuilt from its listpack. */
    void addNode(StreamNode node) {
        nodes.put(node.masterId(), node);
    }

    /** RDB loading: the counters and IDs saved with the nodes. */
    void restoreMetadata(long length, StreamId lastId, StreamId firstId, StreamId maxDeletedId, long entriesAdded) {
        this.length = length;
        this.lastId = lastId;
        this.firstId = firstId;
        this.maxDeletedId = maxDeletedId;
        this.entriesAdded = entriesAdded;
    }

    public int radixTreeKeys() {
        return nodes.size();
    }

    /** The rax's node count for the node keys (see {@link RaxShape}). */
    public long radixTreeNodes() {
        List<byte[]> keys = new ArrayList<>(nodes.size());
        for (StreamId id : nodes.keySet()) keys.add(id.raxKey());
        return RaxShape.nodeCount(keys);
    }

    // ---- appending

    /**
     * Appends an entry (streamAppendItem). {@code explicit} is the requested ID or null for
     * {@code *}; with {@code seqGiven} false it is {@code ms-*}. Returns the new ID, or null when
     * it would not be greater than the last ID.
     */
    public StreamId append(byte[][] fieldsAndValues, StreamId explicit, boolean seqGiven, long nowMillis,
                           long nodeMaxBytes, long nodeMaxEntries) {
        StreamId id;
        if (explicit != null) {
            if (seqGiven) {
                id = explicit;
            } else if (lastId.ms() == explicit.ms()) {
                if (lastId.seq() == -1L) return null;
                id = new StreamId(lastId.ms(), lastId.seq() + 1);
            } else {
                id = explicit;
            }
        } else {
            id = Long.compareUnsigned(nowMillis, lastId.ms()) > 0 ? new StreamId(nowMillis, 0) : lastId.next();
        }
        if (id == null || id.compareTo(lastId) <= 0) return null;

        Map.Entry<StreamId, StreamNode> last = nodes.lastEntry();
        StreamNode node = last == null ? null : last.getValue();
        if (node != null) {
            long total = 0;
            for (byte[] element : fieldsAndValues) total += element.length;
            long maxBytes = nodeMaxBytes == 0 || nodeMaxBytes > (1L << 30) ? (1L << 30) : nodeMaxBytes;
            if (node.bytes() + total >= maxBytes) {
                node = null;
            } else if (nodeMaxEntries > 0 && node.live() + node.deletedCount() >= nodeMaxEntries) {
                node = null;
            }
        }
        if (node == null) {
            node = new StreamNode(id, fieldsAndValues);
            nodes.put(id, node);
        }
        node.append(id, fieldsAndValues);
        length++;
        entriesAdded++;
        lastId = id;
        if (length == 1) firstId = id;
        return id;
    }

    // ---- reading

    /**
     * Visits live entries with {@code start <= id <= end}, ascending or descending, until the
     * visitor returns false.
     */
    public void scan(StreamId start, StreamId end, boolean reverse, Predicate<StreamEntry> visitor) {
        if (start.compareTo(end) > 0) return;
        if (!reverse) {
            StreamId from = nodes.floorKey(start);
            if (from == null) from = start;
            for (StreamNode node : nodes.tailMap(from, true).values()) {
                if (node.masterId().compareTo(end) > 0) return;
                List<StreamNode.Slot> slots = node.slots();
                for (int i = node.lowerBound(start); i < slots.size(); i++) {
                    StreamNode.Slot slot = slots.get(i);
                    if (slot.id.compareTo(end) > 0) return;
                    if (slot.deleted) continue;
                    if (!visitor.test(new StreamEntry(slot.id, slot.fieldsAndValues))) return;
                }
            }
        } else {
            for (StreamNode node : nodes.headMap(end, true).descendingMap().values()) {
                List<StreamNode.Slot> slots = node.slots();
                for (int i = node.upperBound(end) - 1; i >= 0; i--) {
                    StreamNode.Slot slot = slots.get(i);
                    if (slot.id.compareTo(start) < 0) return;
                    if (slot.deleted) continue;
                    if (!visitor.test(new StreamEntry(slot.id, slot.fieldsAndValues))) return;
                }
            }
        }
    }

    /** Up to {@code count} (0 = all) live entries in the range. */
    public List<StreamEntry> range(StreamId start, StreamId end, long count, boolean reverse) {
        List<StreamEntry> out = new ArrayList<>();
        scan(start, end, reverse, e -> {
            out.add(e);
            return count == 0 || out.size() < count;
        });
        return out;
    }

    /** The live entry with this ID, or null. */
    public StreamEntry get(StreamId id) {
        Map.Entry<StreamId, StreamNode> e = nodes.floorEntry(id);
        if (e == null) return null;
        StreamNode.Slot slot = e.getValue().find(id);
        return slot == null || slot.deleted ? null : new StreamEntry(slot.id, slot.fieldsAndValues);
    }

    /** The first (or last) live entry's ID (streamGetEdgeID skipping tombstones), or null. */
    public StreamId edgeId(boolean first) {
        List<StreamEntry> one = range(StreamId.MIN, StreamId.MAX, 1, !first);
        return one.isEmpty() ? null : one.get(0).id();
    }

    /**
     * streamGetEdgeID(first, tombstones included): the first ID a node still stores, deleted
     * (flagged, not yet dropped with its node) or not; null when no node is left.
     */
    public StreamId firstStoredId() {
        for (StreamNode node : nodes.values()) {
            if (!node.slots().isEmpty()) return node.slots().get(0).id;
        }
        return null;
    }

    /** streamLastValidID: the last live entry's ID, or 0-0. */
    public StreamId lastValidId() {
        StreamId last = edgeId(false);
        return last == null ? StreamId.MIN : last;
    }

    // ---- deleting and trimming

    /** XDEL of one ID: true when a live entry was deleted. */
    public boolean delete(StreamId id) {
        Map.Entry<StreamId, StreamNode> e = nodes.floorEntry(id);
        if (e == null) return false;
        StreamNode node = e.getValue();
        StreamNode.Slot slot = node.find(id);
        if (slot == null || slot.deleted) return false;
        if (node.live() == 1) nodes.remove(e.getKey());
        else node.markDeleted(slot);
        length--;
        return true;
    }

    /** XDEL's bookkeeping after deleting {@code ids} (of which {@code deleted} existed). */
    public void afterDelete(List<StreamId> deletedIds) {
        if (deletedIds.isEmpty()) return;
        boolean firstDeleted = false;
        for (StreamId id : deletedIds) {
            if (id.equals(firstId)) firstDeleted = true;
            if (id.compareTo(maxDeletedId) > 0) maxDeletedId = id;
        }
        if (length == 0) firstId = StreamId.MIN;
        else if (firstDeleted) firstId = edgeIdOrMax(true);
    }

    private StreamId edgeIdOrMax(boolean first) {
        StreamId id = edgeId(first);
        return id != null ? id : first ? StreamId.MAX : StreamId.MIN;
    }

    /**
     * Trims the stream (streamTrim): whole nodes first; with {@code approx} only whole nodes,
     * otherwise entries inside the first remaining node are flagged deleted. {@code limit} caps
     * the entries removed (0 = no cap). Returns how many entries were removed.
     */
    public long trim(TrimArgs args) {
        if (args.strategy() == TrimArgs.Strategy.NONE) return 0;
        long deleted = 0;
        while (!nodes.isEmpty()) {
            if (args.strategy() == TrimArgs.Strategy.MAXLEN && length <= args.maxlen()) break;
            Map.Entry<StreamId, StreamNode> first = nodes.firstEntry();
            StreamNode node = first.getValue();
            long entries = node.live();
            if (args.limit() != 0 && deleted + entries > args.limit()) break;
            boolean removeNode = args.strategy() == TrimArgs.Strategy.MAXLEN
                    ? length - entries >= args.maxlen()
                    : node.lastId().compareTo(args.minId()) < 0;
            if (removeNode) {
                nodes.remove(first.getKey());
                length -= entries;
                deleted += entries;
                continue;
            }
            if (args.approx()) break;
            for (StreamNode.Slot slot : node.slots()) {
                boolean stop = args.strategy() == TrimArgs.Strategy.MAXLEN
                        ? length <= args.maxlen()
                        : slot.id.compareTo(args.minId()) >= 0;
                if (stop) break;
                if (node.markDeleted(slot)) {
                    length--;
                    deleted++;
                }
            }
            break;
        }
        if (deleted > 0) firstId = length == 0 ? StreamId.MIN : edgeIdOrMax(true);
        return deleted;
    }

    // ---- consumer groups

    public NavigableMap<byte[], ConsumerGroup> groups() {
        return groups;
    }

    public ConsumerGroup group(byte[] name) {
        return groups.get(name);
    }

    /** Creates a group; null when one with this name exists. */
    public ConsumerGroup createGroup(byte[] name, StreamId lastDelivered, long entriesRead) {
        if (groups.containsKey(name)) return null;
        ConsumerGroup g = new ConsumerGroup(name, lastDelivered, entriesRead);
        groups.put(name, g);
        return g;
    }

    public boolean destroyGroup(byte[] name) {
        return groups.remove(name) != null;
    }

    /** streamRangeHasTombstones: whether a deleted entry may lie in [start, end]. */
    public boolean rangeHasTombstones(StreamId start, StreamId end) {
        if (length == 0 || maxDeletedId.isZero()) return false;
        if (firstId.compareTo(maxDeletedId) > 0) return false;
        StreamId s = start == null ? StreamId.MIN : start;
        StreamId e = end == null ? StreamId.MAX : end;
        return s.compareTo(maxDeletedId) <= 0 && maxDeletedId.compareTo(e) <= 0;
    }

    /** streamEstimateDistanceFromFirstEverEntry: the read counter of {@code id}, or -1 when unknowable. */
    public long estimateEntriesRead(StreamId id) {
        if (entriesAdded == 0) return 0;
        if (length == 0 && id.compareTo(lastId) < 1) return entriesAdded;
        int cmpLast = id.compareTo(lastId);
        if (cmpLast == 0) return entriesAdded;
        if (cmpLast > 0) return ConsumerGroup.INVALID_ENTRIES_READ;
        int cmpFirst = id.compareTo(firstId);
        if (maxDeletedId.isZero() || maxDeletedId.compareTo(firstId) < 0) {
            if (cmpFirst < 0) return entriesAdded - length;
            if (cmpFirst == 0) return entriesAdded - length + 1;
        }
        return ConsumerGroup.INVALID_ENTRIES_READ;
    }

    /** The group's lag (streamReplyWithCGLag), or null when it cannot be known. */
    public Long lag(ConsumerGroup group) {
        if (entriesAdded == 0) return 0L;
        if (group.entriesRead != ConsumerGroup.INVALID_ENTRIES_READ && !rangeHasTombstones(group.lastId, null)) {
            return entriesAdded - group.entriesRead;
        }
        long read = estimateEntriesRead(group.lastId);
        return read == ConsumerGroup.INVALID_ENTRIES_READ ? null : entriesAdded - read;
    }

    /**
     * Serving {@code id} to a group moves its last-delivered ID and read counter forward, as
     * streamReplyWithRange does for each entry it emits.
     */
    public void advanceGroup(ConsumerGroup group, StreamId id) {
        if (id.compareTo(group.lastId) <= 0) return;
        if (group.entriesRead != ConsumerGroup.INVALID_ENTRIES_READ && !rangeHasTombstones(id, null)) {
            group.entriesRead++;
        } else if (entriesAdded != 0) {
            group.entriesRead = estimateEntriesRead(id);
        }
        group.lastId = id;
    }
}
