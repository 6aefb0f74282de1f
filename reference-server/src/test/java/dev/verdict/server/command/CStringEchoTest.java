package dev.verdict.server.command;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arguments echoed in error texts as Redis 7.0.15's %s prints them: cut at the first NUL byte,
 * other bytes raw; expected texts taken from the real server.
 */
class CStringEchoTest {

    private static byte[] raw(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void cStringStopsAtTheFirstNulAndKeepsEveryOtherByte() {
        assertThat(Args.cString(raw("g\u00e9\u0000q"))).isEqualTo("g\u00e9");
        assertThat(Args.cString(raw("\u0000x"))).isEmpty();
        assertThat(Args.cString(raw("abcdef"), 3)).isEqualTo("abc");
    }

    @Test
    void unknownCommandPreviewCountsBytesAndStopsAtNul() {
        byte[][] argv = {raw("NOSUCH\u00e9\u0000x"), raw("a\u0000b\u00e9"), raw("\u00e9".repeat(200))};
        assertThat(Dispatcher.unknownCommand(argv)).isEqualTo("ERR unknown command 'NOSUCH\u00e9', with args beginning with: "
                + "'a' '" + "\u00e9".repeat(124) + "' ");
    }

    @Test
    void unknownCommandPreviewGivesTheFirstArgumentAll128Bytes() {
        byte[][] argv = {raw("nosuch"), raw("b".repeat(200))};
        assertThat(Dispatcher.unknownCommand(argv))
                .isEqualTo("ERR unknown command 'nosuch', with args beginning with: '" + "b".repeat(128) + "' ");
    }
}
