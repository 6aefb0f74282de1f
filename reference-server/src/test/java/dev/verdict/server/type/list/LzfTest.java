package dev.verdict.server.type.list;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LzfTest {

    @Test
    void repetitiveDataShrinksAndRoundTrips() {
        byte[] raw = "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc".repeat(20).getBytes();
        byte[] packed = Lzf.compress(raw);
        assertThat(packed).isNotNull();
        assertThat(packed.length).isLessThan(raw.length / 4);
        assertThat(Lzf.decompress(packed, raw.length)).isEqualTo(raw);
    }

    @Test
    void incompressibleDataIsRefused() {
        byte[] raw = new byte[200];
        new Random(1).nextBytes(raw);
        assertThat(Lzf.compress(raw)).isNull();
    }

    @Test
    void decodesTheLzfRedisWritesIntoDumpPayloads() {
        // DUMP of SET lz ("abcdefgh" x 6 + "a" x 40) on Redis 7.0.15: the LZF block of its RDB string.
        byte[] fromRedis = {0x08, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'a', (byte) 0xe0, 0x1f, 0x07, (byte) 0xe0, 0x1c,
            0x00, 0x01, 'a', 'a'};
        byte[] out = Lzf.decompress(fromRedis, 88);
        assertThat(new String(out)).isEqualTo("abcdefgh".repeat(6) + "a".repeat(40));
    }
}
