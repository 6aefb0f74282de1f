package dev.verdict.server.db;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DictTest {

    static final class Item extends Dict.Entry {
        final int value;

        Item(String key, int value) {
            super(key.getBytes(StandardCharsets.UTF_8));
            this.value = value;
        }
    }

    private static byte[] k(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void findsInsertedEntriesAndForgetsRemovedOnes() {
        Dict<Item> dict = new Dict<>();
        for (int i = 0; i < 1000; i++) dict.insert(new Item("key:" + i, i));
        assertThat(dict.size()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) assertThat(dict.find(k("key:" + i)).value).isEqualTo(i);
        assertThat(dict.find(k("missing"))).isNull();
        for (int i = 0; i < 1000; i += 2) assertThat(dict.remove(k("key:" + i))).isNotNull();
        assertThat(dict.remove(k("key:0"))).isNull();
        assertThat(dict.size()).isEqualTo(500);
        for (int i = 1; i < 1000; i += 2) assertThat(dict.find(k("key:" + i)).value).isEqualTo(i);
    }

    @Test
    void growsIncrementallyToThePowerOfTwoAboveItsEntries() {
        Dict<Item> dict = new Dict<>();
        for (int i = 0; i < 4; i++) dict.insert(new Item("a" + i, i));
        assertThat(dict.slots()).isEqualTo(4);
        dict.insert(new Item("a4", 4));
        // The fifth entry starts a rehash into 8 buckets; both tables exist until it completes.
        assertThat(dict.isRehashing()).isTrue();
        assertThat(dict.slots()).isEqualTo(12);
        while (dict.rehash(1)) { }
        assertThat(dict.slots()).isEqualTo(8);
        assertThat(dict.size()).isEqualTo(5);
    }

    @Test
    void operationsAdvanceTheRehashUntilItCompletes() {
        Dict<Item> dict = new Dict<>();
        for (int i = 0; i < 64; i++) dict.insert(new Item("k" + i, i));
        while (dict.rehash(1)) { }
        dict.insert(new Item("k64", 64));
        assertThat(dict.isRehashing()).isTrue();
        for (int i = 0; i < 200 && dict.isRehashing(); i++) dict.find(k("k1"));
        assertThat(dict.isRehashing()).isFalse();
        assertThat(dict.slots()).isEqualTo(128);
    }

    @Test
    void shrinksWhenLessThanTenPercentFull() {
        Dict<Item> dict = new Dict<>();
        for (int i = 0; i < 1000; i++) dict.insert(new Item("k" + i, i));
        while (dict.rehash(100)) { }
        assertThat(dict.slots()).isEqualTo(1024);
        for (int i = 0; i < 990; i++) dict.remove(k("k" + i));
        dict.shrinkIfNeeded();
        while (dict.rehash(100)) { }
        assertThat(dict.slots()).isEqualTo(16);
        for (int i = 990; i < 1000; i++) assertThat(dict.find(k("k" + i))).isNotNull();
    }

    @Test
    void scanReturnsEveryEntryOfAStableDict() {
        Dict<Item> dict = new Dict<>();
        for (int i = 0; i < 500; i++) dict.insert(new Item("k" + i, i));
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        do {
            cursor = dict.scan(cursor, e -> seen.add(s(e.key())));
        } while (cursor != 0);
        assertThat(seen).hasSize(500);
    }

    @Test
    void scanReturnsEveryKeyPresentThroughoutWhileTheDictGrowsAndShrinksMidScan() {
        Dict<Item> dict = new Dict<>();
        List<String> stable = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            dict.insert(new Item("stable:" + i, i));
            stable.add("stable:" + i);
        }
        while (dict.rehash(100)) { }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int step = 0;
        int added = 0;
        boolean sawRehashMidScan = false;
        do {
            cursor = dict.scan(cursor, e -> seen.add(s(e.key())));
            step++;
            if (step < 20) {
                // Grow: many added keys force a chain of expansions mid-scan.
                for (int i = 0; i < 400; i++) dict.insert(new Item("t:" + added++, 0));
            } else if (step < 40) {
                // Shrink: remove the added keys again and let the table shrink.
                for (int i = 0; i < added; i++) dict.remove(k("t:" + i));
                dict.shrinkIfNeeded();
            }
            sawRehashMidScan |= dict.isRehashing();
            dict.rehash(3);
        } while (cursor != 0);
        assertThat(sawRehashMidScan).isTrue();
        assertThat(seen).containsAll(stable);
    }

    @Test
    void sampleAndRandomReturnLiveEntries() {
        Dict<Item> dict = new Dict<>();
        for (int i = 0; i < 100; i++) dict.insert(new Item("k" + i, i));
        List<Item> out = new ArrayList<>();
        assertThat(dict.sample(5, out)).isEqualTo(5);
        assertThat(out).allSatisfy(e -> assertThat(dict.find(e.key())).isSameAs(e));
        assertThat(dict.find(dict.random().key())).isNotNull();
        Dict<Item> empty = new Dict<>();
        assertThat(empty.random()).isNull();
        assertThat(empty.scan(0, e -> { })).isZero();
    }
}
