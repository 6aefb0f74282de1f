package dev.verdict.server.keys;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;

/** SCAN cursors parse like Redis's strtoul-based parseScanCursorOrReply. */
class ScanCursorTest {

    @ParameterizedTest
    @CsvSource({"0,0", "'',0", "-1,-1", "+7,7", "18446744073709551615,-1"})
    void scanCursorsParseLikeStrtoul(String text, long expected) {
        assertThat(ScanCursor.parse(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"abc", "18446744073709551616", "' 1'", "1x"})
    void badScanCursorsAreRejected(String text) {
        assertThat(ScanCursor.parse(text.getBytes(StandardCharsets.US_ASCII))).isNull();
    }
}
