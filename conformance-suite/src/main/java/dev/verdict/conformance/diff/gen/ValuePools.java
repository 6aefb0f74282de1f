package dev.verdict.conformance.diff.gen;

import java.util.List;

/**
 * Values biased to boundaries: empty, 0, -1, the 64-bit limits, {@code inf}, {@code -0}, {@code 1e308}, and strings
 * and collection sizes just below and above Redis 7.0's encoding thresholds (embstr at 44 bytes, listpack values at
 * 64 bytes and 128 entries, intset at 512 entries). Keys come from one small pool so that commands collide on keys
 * and types.
 */
public final class ValuePools {

    public static final List<String> KEYS = List.of("k1", "k2", "k3", "k4");

    /** Collection members: a few shared ones so that adds, removes and lookups meet. */
    static final List<String> MEMBERS = List.of("m1", "m2", "m3", "a", "b", "1", "2", "-1", "0", "10");

    static final List<String> STRINGS = List.of(
            "", "0", "1", "-1", "-0", "+1", "01", " 1", "3.5", "0.1", "1e308", "1e309", "inf", "-inf", "nan",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
            "a", "abc", "hello world", "bin\u0000\u00ff", "x".repeat(44), "x".repeat(45),
            "y".repeat(63), "y".repeat(64), "y".repeat(65));

    /**
     * Integers as Redis parses them. No value between 10^6 and the 64-bit limits: offsets like 2^32-1 would make
     * SETBIT or SETRANGE allocate hundreds of megabytes on both targets, and large negative counts would make
     * SRANDMEMBER return millions of elements.
     */
    static final List<String> INTEGERS = List.of(
            "0", "1", "-1", "2", "3", "-2", "5", "10", "-10", "100", "127", "128", "129", "511", "512", "513",
            "9223372036854775807", "-9223372036854775808", "4294967296");

    static final List<String> DOUBLES = List.of(
            "0", "1", "-1", "1.5", "-2.5", "3", "0.1", "10", "inf", "-inf", "+inf", "-0", "1e308", "-1e308",
            "1e-10", "5.0e1");

    static final List<String> PATTERNS = List.of("*", "k*", "k?", "k[12]", "m*", "*1", "\\*", "", "[a-z]*");

    static final List<String> UNIX_SECONDS = List.of("1", "0", "4102444800", "-1");
    static final List<String> UNIX_MILLISECONDS = List.of("1", "0", "4102444800000", "-1");

    /** Deliberately invalid numbers: not an integer, a float where an integer is due, overflow, NaN. */
    static final List<String> BAD_NUMBERS = List.of(
            "abc", "1.5", "99999999999999999999", "-99999999999999999999", "nan", "1e", "", " 1", "0x10",
            "9223372036854775808", "1e400");

    /** Repetition counts for "multiple" arguments: mostly small, sometimes across an encoding threshold. */
    static final List<Integer> THRESHOLD_SIZES = List.of(127, 128, 129, 511, 512, 513);

    private ValuePools() {
    }

    /**
     * Every name a generated command can use as a key: the pool, and whatever a mutation or a type mix-up can put
     * in a key's place. A reset without FLUSHALL deletes all of them, so that no state leaks between sequences.
     */
    public static java.util.Set<String> possibleKeys() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(KEYS);
        for (List<String> pool : List.of(MEMBERS, STRINGS, INTEGERS, DOUBLES, PATTERNS, BAD_NUMBERS, UNIX_SECONDS,
                UNIX_MILLISECONDS)) {
            all.addAll(pool);
        }
        all.addAll(List.of("extra", Mutator.UNKNOWN_TOKEN));
        return all;
    }
}
