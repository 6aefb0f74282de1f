package dev.verdict.server.db;

/**
 * A value in the keyspace. Each type package provides its own subclasses; commands reach the
 * value only through their type's API, never through its encoding.
 */
public abstract class RedisObject {

    /**
     * Access clock for eviction and OBJECT IDLETIME/FREQ, as Redis's 24-bit {@code robj.lru}:
     * an LRU timestamp in seconds or, under an LFU policy, access time and logarithmic counter.
     */
    private int lru;

    /**
     * The bytes this value was last charged in its database's memory total, so that the same
     * amount is taken back when it leaves even if it changed in place meanwhile.
     */
    int memoryCharge;

    /**
     * The snapshot epoch current when this value was made (see {@link SnapshotGuard}): a value
     * born before a running snapshot began is one the snapshot may reference.
     */
    final int bornEpoch = SnapshotGuard.currentEpoch();

    public abstract ObjectType type();

    public abstract Encoding encoding();

    /**
     * What Redis would allocate for this value (robj and payload), the figure maxmemory
     * eviction counts. Types override it; it should be cheap (O(1) or amortised), as it is
     * called whenever the value is stored or {@link Database#signalModified signalled}. The
     * default is a small object's footprint.
     */
    public long memoryUsage() {
        return MemoryFootprint.OBJECT_HEADER + 48;
    }

    /**
     * A deep copy for COPY (Redis's dupStringObject, listTypeDup, setTypeDup...): the copy must
     * not share anything mutable with this value. Types override it.
     */
    public RedisObject duplicate() {
        throw new UnsupportedOperationException("COPY of a " + type().typeName() + " value");
    }

    public int lru() {
        return lru;
    }

    public void lru(int lru) {
        this.lru = lru;
    }

    /**
     * Feeds the value into DEBUG DIGEST exactly as Redis's {@code xorObjectDigest} does for its
     * type (after the type id, before the expire marker, which the caller adds): strings mix
     * their bytes, lists mix each element, sets xor each member, hashes and sorted sets xor one
     * per-element digest each (see {@link dev.verdict.server.util.ValueDigest}).
     */
    public void digest(dev.verdict.server.util.ValueDigest digest) {
        throw new UnsupportedOperationException("DEBUG DIGEST is not implemented for " + type().typeName());
    }
}
