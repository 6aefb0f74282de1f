package dev.verdict.server.db;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Redis's dict.c for byte[] keys: chained hash tables of power-of-two sizes, two of them while an
 * incremental rehash moves buckets from the old table to the new one (a step per operation, and
 * time-bounded steps from the cron). Entries are the caller's subclasses of {@link Entry}, so a
 * key costs one entry object and no wrapper; the hash is recomputed from the key's bytes.
 *
 * <p>{@link #scan} is dictScan's reverse-binary cursor: every entry present for a whole scan is
 * returned at least once, however the tables grow or shrink in between.
 */
public final class Dict<E extends Dict.Entry> {

    /** A chained entry; subclasses add the value. */
    public abstract static class Entry {
        final byte[] key;
        /**
         * The key's hash, kept so that a lookup skips other keys of its chain, and a rehash moves
         * entries, without reading their key bytes (in a field the object's alignment leaves free).
         */
        final int hash;
        Entry next;

        protected Entry(byte[] key) {
            this.key = key;
            this.hash = hash(key);
        }

        public final byte[] key() {
            return key;
        }
    }

    /** DICT_HT_INITIAL_SIZE. */
    static final int INITIAL_SIZE = 4;
    /** dict_force_resize_ratio: grow even when resizing is disabled once this full. */
    private static final int FORCE_RESIZE_RATIO = 5;
    /** HASHTABLE_MIN_FILL: below this percentage the table is shrunk. */
    private static final int MIN_FILL_PERCENT = 10;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SEED = 0x2545F4914F6CDD1DL;

    private Entry[] table0;
    private Entry[] table1;
    private int used0;
    private int used1;
    /** The next bucket of table0 to move, or -1 when not rehashing. */
    private int rehashIndex = -1;

    public int size() {
        return used0 + used1;
    }

    /** Total buckets in both tables (dictSlots). */
    public long slots() {
        return (table0 == null ? 0 : table0.length) + (table1 == null ? 0 : table1.length);
    }

    public boolean isRehashing() {
        return rehashIndex != -1;
    }

    /** The entry for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public E find(byte[] key) {
        if (size() == 0) return null;
        if (isRehashing()) rehash(1);
        int h = hash(key);
        E e = (E) findIn(table0, h, key);
        if (e == null && table1 != null) e = (E) findIn(table1, h, key);
        return e;
    }

    private static Entry findIn(Entry[] table, int h, byte[] key) {
        for (Entry e = table[h & (table.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && Arrays.equals(e.key, key)) return e;
        }
        return null;
    }

    /** Adds an entry whose key must not be present (dictAdd after a failed find). */
    public void insert(E entry) {
        if (isRehashing()) rehash(1);
        expandIfNeeded();
        Entry[] table = isRehashing() ? table1 : table0;
        int index = entry.hash & (table.length - 1);
        entry.next = table[index];
        table[index] = entry;
        if (table == table1) used1++;
        else used0++;
    }

    /**
     * dictAdd: adds the entry unless its key is present, looking the key up and choosing its
     * bucket in one pass (one hash, no second walk); false when the key was there.
     */
    public boolean insertIfAbsent(E entry) {
        if (isRehashing()) rehash(1);
        expandIfNeeded();
        int h = entry.hash;
        if (findIn(table0, h, entry.key) != null) return false;
        if (table1 != null && findIn(table1, h, entry.key) != null) return false;
        Entry[] table = isRehashing() ? table1 : table0;
        int index = h & (table.length - 1);
        entry.next = table[index];
        table[index] = entry;
        if (table == table1) used1++;
        else used0++;
        return true;
    }

    /**
     * dictExpand ahead of a known number of entries (RDB's RESIZEDB): the table is sized once
     * instead of doubling, and rehashing, all the way up.
     */
    public void reserve(long entries) {
        // a corrupt file's hint must not allocate gigabytes up front: past this the table grows as usual
        long wanted = Math.min(entries, MAX_RESERVE);
        if (table0 != null && wanted <= table0.length) return;
        expand((int) wanted);
    }

    /** The largest table {@link #reserve} allocates ahead (64 MiB of bucket references). */
    private static final int MAX_RESERVE = 1 << 24;

    /** Removes and returns the entry for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public E remove(byte[] key) {
        if (size() == 0) return null;
        if (isRehashing()) rehash(1);
        int h = hash(key);
        Entry removed = removeFrom(table0, h, key);
        if (removed != null) {
            used0--;
        } else if (table1 != null) {
            removed = removeFrom(table1, h, key);
            if (removed != null) used1--;
        }
        return (E) removed;
    }

    private static Entry removeFrom(Entry[] table, int h, byte[] key) {
        int index = h & (table.length - 1);
        Entry previous = null;
        for (Entry e = table[index]; e != null; previous = e, e = e.next) {
            if (e.hash == h && Arrays.equals(e.key, key)) {
                if (previous == null) table[index] = e.next;
                else previous.next = e.next;
                e.next = null;
                return e;
            }
        }
        return null;
    }

    public void clear() {
        table0 = null;
        table1 = null;
        used0 = 0;
        used1 = 0;
        rehashIndex = -1;
    }

    // ---- resizing

    private void expandIfNeeded() {
        if (isRehashing()) return;
        if (table0 == null) {
            table0 = new Entry[INITIAL_SIZE];
            return;
        }
        if (used0 >= table0.length) expand(used0 + 1);
    }

    /** dictExpand: starts a rehash into a table of at least {@code size} buckets. */
    private void expand(int size) {
        if (isRehashing() || used0 > size) return;
        int newSize = nextPower(size);
        if (table0 != null && newSize == table0.length) return;
        if (table0 == null) {
            table0 = new Entry[newSize];
            return;
        }
        table1 = new Entry[newSize];
        rehashIndex = 0;
    }

    private static int nextPower(int size) {
        if (size <= INITIAL_SIZE) return INITIAL_SIZE;
        if (size >= 1 << 30) return 1 << 30;
        return Integer.highestOneBit(size - 1) << 1;
    }

    /** htNeedsResize + dictResize: shrinks a table filled below 10% to fit its entries. */
    public void shrinkIfNeeded() {
        if (isRehashing() || table0 == null) return;
        long size = table0.length;
        if (size > INITIAL_SIZE && (long) used0 * 100 / size < MIN_FILL_PERCENT) {
            expand(Math.max(used0, INITIAL_SIZE));
        }
    }

    /** True when the table is so full it would grow even with resizing disabled. */
    boolean overForceRatio() {
        return table0 != null && used0 / table0.length > FORCE_RESIZE_RATIO;
    }

    /**
     * dictRehash: moves up to {@code buckets} non-empty buckets, visiting at most ten times as
     * many empty ones; false once the rehash is complete.
     */
    public boolean rehash(int buckets) {
        if (!isRehashing()) return false;
        int emptyVisits = buckets * 10;
        int mask1 = table1.length - 1;
        while (buckets-- > 0 && used0 != 0) {
            while (table0[rehashIndex] == null) {
                rehashIndex++;
                if (--emptyVisits == 0) return true;
            }
            Entry e = table0[rehashIndex];
            while (e != null) {
                Entry next = e.next;
                int index = e.hash & mask1;
                e.next = table1[index];
                table1[index] = e;
                used0--;
                used1++;
                e = next;
            }
            table0[rehashIndex++] = null;
        }
        if (used0 == 0) {
            table0 = table1;
            used0 = used1;
            table1 = null;
            used1 = 0;
            rehashIndex = -1;
            return false;
        }
        return true;
    }

    /** dictRehashMilliseconds: rehashes in steps of 100 buckets for about {@code millis}. */
    public int rehashMilliseconds(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        int rehashes = 0;
        while (rehash(100)) {
            rehashes += 100;
            if (System.nanoTime() > deadline) break;
        }
        return rehashes;
    }

    // ---- scanning and sampling

    /**
     * dictScan: emits the buckets at {@code cursor} (and, while rehashing, every bucket of the
     * larger table that expands it) and returns the next cursor, 0 when the scan is complete.
     */
    @SuppressWarnings("unchecked")
    public long scan(long cursor, Consumer<? super E> emit) {
        if (size() == 0) return 0;
        long v = cursor;
        if (!isRehashing()) {
            long m0 = table0.length - 1;
            emitChain(table0[(int) (v & m0)], emit);
            v |= ~m0;
            v = Long.reverse(Long.reverse(v) + 1);
            return v;
        }
        Entry[] small = table0, large = table1;
        if (small.length > large.length) {
            small = table1;
            large = table0;
        }
        long m0 = small.length - 1, m1 = large.length - 1;
        emitChain(small[(int) (v & m0)], emit);
        do {
            emitChain(large[(int) (v & m1)], emit);
            v |= ~m1;
            v = Long.reverse(Long.reverse(v) + 1);
        } while ((v & (m0 ^ m1)) != 0);
        return v;
    }

    @SuppressWarnings("unchecked")
    private void emitChain(Entry e, Consumer<? super E> emit) {
        while (e != null) {
            Entry next = e.next;
            emit.accept((E) e);
            e = next;
        }
    }

    /** Every entry, in table order; the consumer must not modify the dict. */
    public void forEach(Consumer<? super E> action) {
        if (table0 != null) for (Entry head : table0) emitChain(head, action);
        if (table1 != null) for (Entry head : table1) emitChain(head, action);
    }

    /** dictGetRandomKey: a random entry (chains make it not quite uniform, as in Redis), or null. */
    @SuppressWarnings("unchecked")
    public E random() {
        if (size() == 0) return null;
        if (isRehashing()) rehash(1);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Entry head;
        if (isRehashing()) {
            int slots = table0.length + table1.length;
            do {
                int h = rehashIndex + random.nextInt(slots - rehashIndex);
                head = h >= table0.length ? table1[h - table0.length] : table0[h];
            } while (head == null);
        } else {
            do {
                head = table0[random.nextInt(table0.length)];
            } while (head == null);
        }
        int length = 0;
        for (Entry e = head; e != null; e = e.next) length++;
        int pick = random.nextInt(length);
        Entry e = head;
        while (pick-- > 0) e = e.next;
        return (E) e;
    }

    /**
     * dictGetSomeKeys: up to {@code count} entries from a random stretch of consecutive buckets,
     * cheaper than {@code count} random picks and good enough for eviction sampling.
     */
    @SuppressWarnings("unchecked")
    public int sample(int count, List<? super E> out) {
        if (count > size()) count = size();
        if (count == 0) return 0;
        for (int j = 0; j < count && isRehashing(); j++) rehash(1);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int tables = isRehashing() ? 2 : 1;
        int maxMask = table0.length - 1;
        if (tables > 1) maxMask = Math.max(maxMask, table1.length - 1);
        int i = random.nextInt() & maxMask;
        int emptyRun = 0;
        int stored = 0;
        long maxSteps = count * 10L;
        while (stored < count && maxSteps-- > 0) {
            for (int j = 0; j < tables; j++) {
                Entry[] t = j == 0 ? table0 : table1;
                if (tables == 2 && j == 0 && i < rehashIndex) {
                    // Buckets below the rehash index are already empty in table0.
                    if (i >= table1.length) i = rehashIndex;
                    else continue;
                }
                if (i >= t.length) continue;
                Entry e = t[i];
                if (e == null) {
                    emptyRun++;
                    if (emptyRun >= 5 && emptyRun > count) {
                        i = random.nextInt() & maxMask;
                        emptyRun = 0;
                    }
                } else {
                    emptyRun = 0;
                    for (; e != null; e = e.next) {
                        out.add((E) e);
                        if (++stored == count) return stored;
                    }
                }
            }
            i = (i + 1) & maxMask;
        }
        return stored;
    }

    // ---- hashing

    /** A 64-bit hash of the key's bytes (8 bytes at a time, murmur-style final mix). */
    /** The bucket index's source: only its low bits pick a bucket, as in Redis's {@code hash & mask}. */
    static int hash(byte[] key) {
        long h = SEED ^ (key.length * 0x9E3779B97F4A7C15L);
        int i = 0;
        for (; i + 8 <= key.length; i += 8) {
            h = (h ^ mix((long) LONGS.get(key, i))) * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < key.length; i++, shift += 8) tail |= (key[i] & 0xffL) << shift;
        h = (h ^ mix(tail)) * 0x9E3779B97F4A7C15L;
        return (int) mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
