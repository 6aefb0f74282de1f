package dev.verdict.server.type.zset;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Encoding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZSetTypeTest {

    private final ServerConfig config = ServerConfig.defaults();

    private static byte[] b(String s) {
        return s.getBytes();
    }

    @Test
    void listpackUpTo128MembersSkiplistFromThe129th() {
        ZSetValue z = ZSetType.createFor(b("m0"), config);
        for (int i = 0; i < 128; i++) ZSetType.add(z, i, b("m" + i), 0, config);
        assertThat(z.encoding()).isEqualTo(Encoding.LISTPACK);
        ZSetType.add(z, 128, b("m128"), 0, config);
        assertThat(z.encoding()).isEqualTo(Encoding.SKIPLIST);
        assertThat(ZSetType.rank(z, b("m100"))).isEqualTo(100);
        assertThat(ZSetTypeTestSupport.consistent(z)).isTrue();
    }

    @Test
    void aMemberLongerThan64BytesConvertsAndSoDoesCreatingWithOne() {
        ZSetValue z = ZSetType.createFor(b("a"), config);
        ZSetType.add(z, 1, b("x".repeat(64)), 0, config);
        assertThat(z.encoding()).isEqualTo(Encoding.LISTPACK);
        ZSetType.add(z, 1, b("x".repeat(65)), 0, config);
        assertThat(z.encoding()).isEqualTo(Encoding.SKIPLIST);
        assertThat(ZSetType.createFor(b("y".repeat(65)), config).encoding()).isEqualTo(Encoding.SKIPLIST);
    }

    @Test
    void updatingAnExistingMemberOfAFullListpackDoesNotConvert() {
        ServerConfig small = ServerConfig.fromArgs("--zset-max-listpack-entries", "2");
        ZSetValue z = ZSetType.createFor(b("a"), small);
        ZSetType.add(z, 1, b("a"), 0, small);
        ZSetType.add(z, 2, b("b"), 0, small);
        ZSetType.add(z, 5, b("a"), 0, small);
        assertThat(z.encoding()).isEqualTo(Encoding.LISTPACK);
    }

    @Test
    void storeResultsShrinkBackToListpackWhenTheyFit() {
        ZSetValue z = ZSetType.createSkiplist();
        ZSetType.add(z, 2, b("b"), 0, config);
        ZSetType.add(z, 1, b("a"), 0, config);
        ZSetType.convertToListpackIfNeeded(z, config);
        assertThat(z.encoding()).isEqualTo(Encoding.LISTPACK);
        assertThat(ZSetType.entries(z)).extracting(e -> new String(e.member())).containsExactly("a", "b");
    }

    @Test
    void addFlagsFollowZaddSemantics() {
        ZSetValue z = ZSetType.createFor(b("a"), config);
        ZSetType.add(z, 5, b("a"), 0, config);
        assertThat(ZSetType.add(z, 3, b("a"), ZSetType.IN_GT, config).has(ZSetType.OUT_NOP)).isTrue();
        assertThat(ZSetType.add(z, 7, b("a"), ZSetType.IN_GT, config).has(ZSetType.OUT_UPDATED)).isTrue();
        assertThat(ZSetType.add(z, 1, b("new"), ZSetType.IN_XX, config).has(ZSetType.OUT_NOP)).isTrue();
        assertThat(ZSetType.add(z, 2, b("a"), ZSetType.IN_INCR, config).newScore()).isEqualTo(9);
        assertThat(ZSetType.add(z, Double.POSITIVE_INFINITY, b("i"), 0, config).has(ZSetType.OUT_ADDED)).isTrue();
        assertThat(ZSetType.add(z, Double.NEGATIVE_INFINITY, b("i"), ZSetType.IN_INCR, config).has(ZSetType.OUT_NAN)).isTrue();
    }

    @Test
    void scoreAndLexRangesTurnIntoRanksInBothEncodings() {
        for (boolean big : new boolean[] {false, true}) {
            ZSetValue z = big ? ZSetType.createSkiplist() : ZSetType.createListpack();
            for (int i = 0; i < 10; i++) ZSetType.add(z, i, b("m" + i), 0, config);
            Ranges.Span span = Ranges.score(b("(2"), b("5"));
            assertThat(span.start(z)).isEqualTo(3);
            assertThat(span.end(z)).isEqualTo(6);
            List<ZSetType.Entry> top = ZSetType.rangeByRank(z, 0, 2, true);
            assertThat(top).extracting(ZSetType.Entry::score).containsExactly(9.0, 8.0, 7.0);
            assertThat(ZSetType.deleteRankRange(z, 0, 5)).isEqualTo(5);
            assertThat(ZSetType.length(z)).isEqualTo(5);
        }
        ZSetValue lex = ZSetType.createListpack();
        for (String m : new String[] {"a", "b", "c", "d"}) ZSetType.add(lex, 0, b(m), 0, config);
        Ranges.Span span = Ranges.lex(b("(a"), b("[c"));
        assertThat(span.end(lex) - span.start(lex)).isEqualTo(2);
    }

    @Test
    void scoresAreStoredAsRedisD2string() {
        assertThat(new String(Scores.toBytes(0.1))).isEqualTo("0.10000000000000001");
        assertThat(new String(Scores.toBytes(1e100))).isEqualTo("1e+100");
        assertThat(new String(Scores.toBytes(-3))).isEqualTo("-3");
        assertThat(new String(Scores.toBytes(Double.POSITIVE_INFINITY))).isEqualTo("inf");
    }

    /** The listpack bytes real Redis 7.0.15 DUMPs after ZADD z SCORE m. */
    @Test
    void integralScoresUpTo2To62AreStoredInAListpackAsIntegersLikeZzlInsertAt() {
        ZSetValue z = ZSetType.createFor(b("m"), config);
        ZSetType.add(z, 101330991615836160d, b("m"), 0, config);
        assertThat(java.util.HexFormat.of().formatHex(z.listpack().toBytes()))
                .isEqualTo("140000000200816d02f4000000000000680109ff");
        ZSetValue beyond = ZSetType.createFor(b("m"), config);
        ZSetType.add(beyond, 4611686018427388928d, b("m"), 0, config);
        assertThat(java.util.HexFormat.of().formatHex(beyond.listpack().toBytes())).isEqualTo(
                "220000000200816d0296" + java.util.HexFormat.of().formatHex(b("4.6116860184273889e+18")) + "17ff");
        assertThat(Scores.toListpackBytes(0x1p62)).isEqualTo(b("4611686018427387904"));
        assertThat(Scores.toListpackBytes(-0x1p62)).isEqualTo(b("-4611686018427387904"));
        assertThat(Scores.toListpackBytes(1.5)).isEqualTo(b("1.5"));
        // a listpack stores -0 as the integer 0; d2string (ZSCAN of a skiplist) keeps the sign
        assertThat(Scores.toListpackBytes(-0.0)).isEqualTo(b("0"));
        assertThat(Scores.toBytes(-0.0)).isEqualTo(b("-0"));
    }
}
