package dev.verdict.server.util;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "*|anything|true",
        "*|''|false",
        "h?llo|hello|true",
        "h?llo|hllo|false",
        "h*llo|heeeello|true",
        "h[ae]llo|hallo|true",
        "h[ae]llo|hillo|false",
        "h[^e]llo|hallo|true",
        "h[^e]llo|hello|false",
        "h[a-b]llo|hbllo|true",
        "h[b-a]llo|hallo|true",
        "h\\*llo|h*llo|true",
        "h\\*llo|hello|false",
        "key:*|key:1|true",
        "*er|other|true",
        "a*b*c|aXXbYYc|true",
        "a*b*c|aXXbYY|false",
        "[abc|a|true",
        "[abc|b|true",
        "ab[|ab|false",
        "\\|\\|true",
        "abc\\|abc|false",
        "**a|a|true",
        "a**|abc|true",
    })
    void matchesLikeRedisStringmatchlen(String pattern, String string, boolean expected) {
        assertThat(GlobPattern.matches(pattern.getBytes(StandardCharsets.UTF_8), string.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void rangesCompareBytesAsSignedCharsLikeRedisOnX86() {
        // Redis 7.0.15: SET "\x90" v; KEYS "[\x01-\x80]" returns the key (-128..1 contains -112).
        assertThat(GlobPattern.matches(new byte[] {'[', 0x01, '-', (byte) 0x80, ']'}, new byte[] {(byte) 0x90})).isTrue();
        assertThat(GlobPattern.matches(new byte[] {'[', 0x01, '-', (byte) 0x80, ']'}, new byte[] {'a'})).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"HELLO,hello", "H[A-Z]llo,hello"})
    void nocaseIgnoresAsciiCase(String pattern, String string) {
        assertThat(GlobPattern.matches(pattern.getBytes(StandardCharsets.UTF_8), string.getBytes(StandardCharsets.UTF_8), true))
                .isTrue();
    }
}
