package dev.verdict.server.db;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The {@code robj.lru} field's two meanings (evict.c): under an LRU policy a 24-bit clock in
 * seconds of the last access; under an LFU policy 16 bits of access time in minutes and an 8-bit
 * logarithmic access counter that decays with time.
 */
public final class AccessClock {

    /** LRU_CLOCK_MAX. */
    static final int LRU_CLOCK_MAX = (1 << 24) - 1;
    /** LFU_INIT_VAL: a new key's counter, so it is not evicted before it had a chance. */
    static final int LFU_INIT_VAL = 5;

    private final LongSupplier millis;
    private boolean lfu;
    private int logFactor = 10;
    private int decayMinutes = 1;

    public AccessClock(LongSupplier millis) {
        this.millis = millis;
    }

    void configure(boolean lfu, int logFactor, int decayMinutes) {
        this.lfu = lfu;
        this.logFactor = logFactor;
        this.decayMinutes = decayMinutes;
    }

    public boolean lfu() {
        return lfu;
    }

    /** The clock value a new object starts with (createObject). */
    public int initial() {
        return lfu ? (minutes() << 8) | LFU_INIT_VAL : lruClock();
    }

    /** lookupKey's update: a fresh LRU time, or an incremented, decayed LFU counter. */
    public void touch(RedisObject o) {
        if (lfu) {
            int counter = logIncrement(decayedCounter(o.lru()));
            o.lru((minutes() << 8) | counter);
        } else {
            o.lru(lruClock());
        }
    }

    /** estimateObjectIdleTime, in milliseconds (second resolution). */
    public long idleMillis(RedisObject o) {
        int now = lruClock();
        int then = o.lru() & LRU_CLOCK_MAX;
        long seconds = now >= then ? now - then : now + (LRU_CLOCK_MAX - then);
        return seconds * 1000;
    }

    /** objectSetLRUOrLFU for a loaded IDLE (seconds): the LRU time that gives that idle time now. */
    public int lruForIdle(long idleSeconds) {
        long abs = lruClock() - idleSeconds;
        if (abs < 0) abs = (LRU_CLOCK_MAX + abs) & LRU_CLOCK_MAX;
        return (int) abs;
    }

    /** objectSetLRUOrLFU for a loaded FREQ: the counter stamped with the current minute. */
    public int lfuForFrequency(int frequency) {
        return (minutes() << 8) | (frequency & 0xff);
    }

    /** LFUDecrAndReturn: the counter after the decay owed since its last access. */
    public int frequency(RedisObject o) {
        return decayedCounter(o.lru());
    }

    private int decayedCounter(int lru) {
        int lastMinutes = lru >>> 8 & 0xffff;
        int counter = lru & 0xff;
        int periods = decayMinutes > 0 ? minutesSince(lastMinutes) / decayMinutes : 0;
        return periods > counter ? 0 : counter - periods;
    }

    /** LFULogIncr: the more accesses, the less likely another one is counted. */
    private int logIncrement(int counter) {
        if (counter == 255) return 255;
        double r = ThreadLocalRandom.current().nextDouble();
        double base = Math.max(0, counter - LFU_INIT_VAL);
        double p = 1.0 / (base * logFactor + 1);
        return r < p ? counter + 1 : counter;
    }

    private int lruClock() {
        return (int) (millis.getAsLong() / 1000 & LRU_CLOCK_MAX);
    }

    private int minutes() {
        return (int) (millis.getAsLong() / 1000 / 60 & 0xffff);
    }

    private int minutesSince(int lastMinutes) {
        int now = minutes();
        return now >= lastMinutes ? now - lastMinutes : 65535 - lastMinutes + now;
    }
}
