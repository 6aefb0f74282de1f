package dev.verdict.server.persistence;

import dev.verdict.server.persistence.rdb.Crc64;
import dev.verdict.server.persistence.rdb.Lzf;
import dev.verdict.server.persistence.rdb.RdbInput;
import dev.verdict.server.persistence.rdb.RdbOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RdbPrimitivesTest {

    @Test
    void crc64HasRedisCheckValue() {
        assertThat(Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xe9c6d914c4b8d9caL);
        byte[] long1 = new byte[1000];
        for (int i = 0; i < long1.length; i++) long1[i] = (byte) (i * 31);
        long split = Crc64.update(Crc64.update(0, long1, 0, 333), long1, 333, 667);
        assertThat(split).isEqualTo(Crc64.of(long1));
    }

    @Test
    void lzfRoundTripsAndRefusesIncompressible() throws Exception {
        byte[] text = "hello hello hello hello hello hello hello hello".getBytes(StandardCharsets.US_ASCII);
        byte[] packed = Lzf.compress(text);
        assertThat(packed).isNotNull();
        assertThat(packed.length).isLessThan(text.length - 4);
        assertThat(Lzf.decompress(packed, text.length)).isEqualTo(text);
        byte[] random = new byte[64];
        new java.util.Random(7).nextBytes(random);
        assertThat(Lzf.compress(random)).isNull();
    }

    @Test
    void lengthsAndStringEncodingsRoundTrip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RdbOutput out = new RdbOutput(bytes, true);
        long[] lengths = {0, 63, 64, 16383, 16384, 0xffffffffL, 0x100000000L};
        for (long l : lengths) out.writeLength(l);
        String[] strings = {"", "0", "-1", "127", "-128", "128", "32767", "-32769", "2147483647", "2147483648",
                "012", "9223372036854775807", "x".repeat(100), "plain"};
        for (String s : strings) out.writeString(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        RdbInput in = new RdbInput(new ByteArrayInputStream(bytes.toByteArray()));
        for (long l : lengths) assertThat(in.readLength()).isEqualTo(l);
        for (String s : strings) assertThat(new String(in.readString(), StandardCharsets.US_ASCII)).isEqualTo(s);
        assertThat(in.atEnd()).isTrue();
    }
}
