package dev.verdict.server.type.listpack;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListpackFuzzTest {

    /** Whatever is appended reads back the same (integers canonicalised), and the blob reparses identically. */
    @FuzzTest
    void encodeDecodeRoundTrip(FuzzedDataProvider data) {
        Listpack lp = new Listpack();
        List<byte[]> expected = new ArrayList<>();
        while (data.remainingBytes() > 0 && expected.size() < 200) {
            byte[] e = data.consumeBoolean()
                    ? Long.toString(data.consumeLong()).getBytes()
                    : data.consumeBytes(data.consumeInt(0, 300));
            if (data.consumeBoolean() && !expected.isEmpty()) {
                int at = data.consumeInt(0, expected.size() - 1);
                lp.insertBefore(lp.seek(at), e);
                expected.add(at, e);
            } else {
                lp.append(e);
                expected.add(e);
            }
        }
        Listpack reread = Listpack.fromBytes(lp.toBytes());
        assertThat(reread.size()).isEqualTo(expected.size());
        int i = 0;
        for (int p = reread.first(); p != -1; p = reread.next(p), i++) {
            assertThat(Arrays.equals(reread.get(p), expected.get(i))).isTrue();
        }
        assertThat(reread.toBytes()).isEqualTo(lp.toBytes());
    }

    /** Arbitrary bytes either parse to a listpack that re-encodes to the same bytes, or are rejected. */
    @FuzzTest
    void arbitraryBlobsParseConsistentlyOrFail(byte[] blob) {
        Listpack lp;
        try {
            lp = Listpack.fromBytes(blob);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return;
        }
        assertThat(lp.toBytes()).isEqualTo(blob);
        for (int p = lp.first(); p != -1; p = lp.next(p)) lp.get(p);
    }
}
