package dev.verdict.server.tracking;

import java.util.Arrays;

/** The ids of the clients that read one key (the inner radix tree of Redis's TrackingTable): a small set of longs. */
final class ReaderIds {

    private long[] ids = new long[2];
    private int size;

    /** Adds {@code id}; false when it was already there. */
    boolean add(long id) {
        for (int i = 0; i < size; i++) if (ids[i] == id) return false;
        if (size == ids.length) ids = Arrays.copyOf(ids, size * 2);
        ids[size++] = id;
        return true;
    }

    int size() {
        return size;
    }

    long get(int index) {
        return ids[index];
    }
}
