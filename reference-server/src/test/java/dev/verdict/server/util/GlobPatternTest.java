package dev.verdict.server.util;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobPatternTest {

    @Test
    void starQuestionMarkAndClassesMatchLikeStringmatchlen() {
        assertThat(GlobPattern.matches("h*llo", "heeello", false)).isTrue();
        assertThat(GlobPattern.matches("h?llo", "hallo", false)).isTrue();
        assertThat(GlobPattern.matches("h[ae]llo", "hello", false)).isTrue();
        assertThat(GlobPattern.matches("h[^e]llo", "hello", false)).isFalse();
        assertThat(GlobPattern.matches("h[a-b]llo", "hbllo", false)).isTrue();
        assertThat(GlobPattern.matches("h\\*llo", "h*llo", false)).isTrue();
        assertThat(GlobPattern.matches("h\\*llo", "hallo", false)).isFalse();
        // stringmatchlen never enters its loop for an empty string: Redis 7.0.15 answers PUBLISH "" with 0
        // receivers for PSUBSCRIBE *, and KEYS ** omits the empty key (KEYS * is special-cased by its callers).
        assertThat(GlobPattern.matches("*", "", false)).isFalse();
        assertThat(GlobPattern.matches("a*", "b", false)).isFalse();
    }

    @Test
    void nocaseIgnoresAsciiCase() {
        assertThat(GlobPattern.matches("MAX*", "maxmemory", true)).isTrue();
        assertThat(GlobPattern.matches("MAX*", "maxmemory", false)).isFalse();
    }

    @Test
    void pathologicalPatternEndsQuickly() {
        String pattern = "a*".repeat(30) + "b";
        assertThat(GlobPattern.matches(pattern, "a".repeat(60), false)).isFalse();
    }
}
