package dev.verdict.server.db;

import dev.verdict.server.type.string.StringValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk plus the key-level copy-on-write deliver every key present when the snapshot began,
 * exactly once and as it was then, whatever happens to the keyspace between slices: the dict
 * growing, shrinking and rehashing under the scan cursor, overwrites, deletes, TTL changes, lazy
 * expiry, eviction, FLUSHDB and SWAPDB.
 */
class SnapshotWalkTest {

    private record Captured(RedisObject value, long expireAt) {
    }

    private final long[] now = {1_000_000L};
    private final Keyspace keyspace = new Keyspace(3, new KeyspaceListener() {
        @Override
        public void keyModified(Database db, byte[] key) {
        }

        @Override
        public void keyExpired(Database db, byte[] key) {
        }
    }, () -> now[0]);

    private static byte[] k(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String id(int db, byte[] key) {
        return db + "/" + new String(key, StandardCharsets.UTF_8);
    }

    private Map<String, Captured> state() {
        Map<String, Captured> state = new HashMap<>();
        for (int i = 0; i < keyspace.count(); i++) {
            int db = i;
            keyspace.db(i).forEachEntryWithExpire((key, value, expireAt) -> state.put(id(db, key), new Captured(value, expireAt)));
        }
        return state;
    }

    private static List<byte[]> keysOf(Database db) {
        return db.keysSnapshot();
    }

    @Test
    void everyKeyAtTheStartArrivesOnceAsItWasWhateverHappensBetweenSlices() {
        for (int seed = 1; seed <= 12; seed++) {
            keyspace.flushAll();
            Random random = new Random(seed);
            for (int i = 0; i < 3000; i++) {
                Database db = keyspace.db(i % 5 == 0 ? 1 : 0);
                byte[] key = k("key:" + i);
                db.add(key, StringValue.of(k("v" + i)));
                if (i % 3 == 0) db.setExpire(key, now[0] + 1_000_000 + i);
            }
            Map<String, Captured> atStart = state();
            Map<String, Captured> received = new HashMap<>();
            List<String> duplicates = new ArrayList<>();
            SnapshotWalk walk = SnapshotWalk.begin(keyspace, (db, key, value, expireAt) -> {
                if (received.put(id(db, key), new Captured(value, expireAt)) != null) duplicates.add(id(db, key));
            });
            int added = 0;
            boolean done = false;
            while (!done) {
                done = walk.walkBuckets(1 + random.nextInt(4));
                for (int n = random.nextInt(6); n > 0; n--) change(random, added++);
            }
            for (int n = 0; n < 200; n++) change(random, added++);

            assertThat(duplicates).as("seed %d", seed).isEmpty();
            assertThat(received).as("seed %d", seed).isEqualTo(atStart);
            assertThat(keyspace.snapshots().capturingKeys()).isFalse();
            keyspace.snapshots().end();
        }
    }

    /** One random change of the kinds a server makes, some of them to keys the walk has not reached. */
    private void change(Random random, int serial) {
        Database db = keyspace.db(random.nextInt(3));
        List<byte[]> keys = keysOf(db);
        byte[] key = keys.isEmpty() ? k("new:" + serial) : keys.get(random.nextInt(keys.size()));
        switch (random.nextInt(12)) {
            case 0, 1 -> {
                // enough inserts to grow the table and rehash under the cursor
                for (int i = 0; i < 20; i++) {
                    byte[] fresh = k("new:" + serial + ":" + i);
                    if (db.lookupNoTouch(fresh) == null) db.add(fresh, StringValue.of(fresh));
                }
            }
            case 2 -> db.delete(key);
            case 3 -> db.setKey(key, StringValue.of(k("over:" + serial)), random.nextBoolean());
            case 4 -> db.setExpire(key, now[0] + 5_000 + serial);
            case 5 -> db.persist(key);
            case 6 -> {
                // lazy expiry: the key's time passes and a lookup deletes it
                db.setExpire(key, now[0] - 1);
                db.lookup(key);
            }
            case 7 -> db.evict(key);
            case 8 -> db.replaceValue(key, StringValue.raw(k("same")));
            case 9 -> {
                if (random.nextInt(8) == 0) db.clear();
            }
            case 10 -> {
                if (random.nextInt(4) == 0) keyspace.swap(random.nextInt(3), random.nextInt(3));
            }
            default -> {
                // mass deletion then the cron's shrink: the table halves under the cursor
                for (byte[] k : keys.subList(0, Math.min(keys.size(), 200 + random.nextInt(400)))) db.delete(k);
                db.dict().shrinkIfNeeded();
                db.dict().rehash(random.nextInt(50));
            }
        }
    }

    @Test
    void aSnapshotOfAnEmptyKeyspaceIsCapturedAtOnce() {
        SnapshotWalk walk = SnapshotWalk.begin(keyspace, (db, key, value, expireAt) -> {
            throw new AssertionError("nothing to capture");
        });
        assertThat(walk.done()).isTrue();
        assertThat(walk.databases()).isZero();
        keyspace.db(0).add(k("later"), StringValue.of(k("x")));
        keyspace.db(0).delete(k("later"));
        keyspace.snapshots().end();
    }
}
