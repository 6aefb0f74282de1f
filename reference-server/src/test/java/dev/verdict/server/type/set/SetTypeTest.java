package dev.verdict.server.type.set;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Encoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SetTypeTest {

    private final ServerConfig config = ServerConfig.defaults();

    private static byte[] b(String s) {
        return s.getBytes();
    }

    @Test
    void integersStayIntsetUpTo512AndConvertAtThe513th() {
        SetValue s = SetType.create(b("0"));
        for (int i = 0; i < 512; i++) SetType.add(s, b(Integer.toString(i)), config);
        assertThat(s.encoding()).isEqualTo(Encoding.INTSET);
        SetType.add(s, b("512"), config);
        assertThat(s.encoding()).isEqualTo(Encoding.HASHTABLE);
        assertThat(SetType.size(s)).isEqualTo(513);
    }

    @Test
    void aNonCanonicalIntegerIsAStringAndConverts() {
        SetValue s = SetType.create(b("1"));
        SetType.add(s, b("1"), config);
        assertThat(s.encoding()).isEqualTo(Encoding.INTSET);
        SetType.add(s, b("01"), config);
        assertThat(s.encoding()).isEqualTo(Encoding.HASHTABLE);
        assertThat(SetType.contains(s, b("1"))).isTrue();
        assertThat(SetType.contains(s, b("01"))).isTrue();
    }

    @Test
    void aSetCreatedFromAStringStartsAsHashtable() {
        assertThat(SetType.create(b("a")).encoding()).isEqualTo(Encoding.HASHTABLE);
    }

    @Test
    void intsetMembersIterateAscending() {
        SetValue s = SetType.create(b("3"));
        for (String m : new String[] {"3", "-1", "10"}) SetType.add(s, b(m), config);
        assertThat(SetType.members(s)).extracting(String::new).containsExactly("-1", "3", "10");
    }
}
