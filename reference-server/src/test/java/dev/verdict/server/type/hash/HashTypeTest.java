package dev.verdict.server.type.hash;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Encoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HashTypeTest {

    private final ServerConfig config = ServerConfig.defaults();

    private static byte[] b(String s) {
        return s.getBytes();
    }

    @Test
    void staysListpackUpTo512FieldsAndBecomesHashtableAtThe513th() {
        HashValue h = HashType.create();
        for (int i = 0; i < 512; i++) HashType.set(h, b("f" + i), b("v"), config);
        assertThat(h.encoding()).isEqualTo(Encoding.LISTPACK);
        HashType.set(h, b("f512"), b("v"), config);
        assertThat(h.encoding()).isEqualTo(Encoding.HASHTABLE);
        assertThat(HashType.length(h)).isEqualTo(513);
        assertThat(HashType.get(h, b("f7"))).isEqualTo(b("v"));
    }

    @Test
    void aValueLongerThan64BytesConvertsButExactly64DoesNot() {
        HashValue h = HashType.create();
        HashType.set(h, b("f"), b("x".repeat(64)), config);
        assertThat(h.encoding()).isEqualTo(Encoding.LISTPACK);
        HashType.set(h, b("g"), b("x".repeat(65)), config);
        assertThat(h.encoding()).isEqualTo(Encoding.HASHTABLE);
    }

    @Test
    void deletingNeverConvertsBack() {
        HashValue h = HashType.create();
        HashType.set(h, b("f"), b("x".repeat(65)), config);
        HashType.delete(h, b("f"));
        HashType.set(h, b("g"), b("1"), config);
        assertThat(h.encoding()).isEqualTo(Encoding.HASHTABLE);
    }

    @Test
    void listpackKeepsInsertionOrderAndOverwritesInPlace() {
        HashValue h = HashType.create();
        HashType.set(h, b("a"), b("1"), config);
        HashType.set(h, b("b"), b("2"), config);
        assertThat(HashType.set(h, b("a"), b("3"), config)).isFalse();
        assertThat(HashType.entries(h)).isDeepEqualTo(new byte[][] {b("a"), b("3"), b("b"), b("2")});
    }
}
