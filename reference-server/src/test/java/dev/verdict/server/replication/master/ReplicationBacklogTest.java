package dev.verdict.server.replication.master;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The backlog ring keeps the newest repl-backlog-size bytes, addressed by replication offset. */
class ReplicationBacklogTest {

    private static final int SIZE = ReplicationBacklog.MIN_SIZE;

    private long offset;

    private void feed(ReplicationBacklog b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        offset += bytes.length;
        b.append(bytes, 0, bytes.length, offset);
    }

    @Test
    void aNewBacklogStartsAtTheNextByteOfTheStream() {
        offset = 100;
        ReplicationBacklog b = new ReplicationBacklog(SIZE, offset);
        assertThat(b.firstByteOffset()).isEqualTo(101);
        assertThat(b.histlen()).isZero();
        assertThat(b.covers(101)).isTrue();
        assertThat(b.covers(100)).isFalse();
        assertThat(b.from(101)).isEmpty();
    }

    @Test
    void bytesAreReadBackFromAnyOffsetItHolds() {
        ReplicationBacklog b = new ReplicationBacklog(SIZE, 0);
        feed(b, "hello ");
        feed(b, "world");
        assertThat(new String(b.from(1), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(new String(b.from(7), StandardCharsets.US_ASCII)).isEqualTo("world");
        assertThat(b.covers(12)).isTrue();
        assertThat(b.covers(13)).isFalse();
    }

    @Test
    void wrappingKeepsTheNewestBytesAndMovesTheFirstOffset() {
        ReplicationBacklog b = new ReplicationBacklog(SIZE, 0);
        String block = "0123456789".repeat(1000);
        for (int i = 0; i < 5; i++) feed(b, block);
        assertThat(b.histlen()).isEqualTo(SIZE);
        assertThat(b.firstByteOffset()).isEqualTo(offset - SIZE + 1);
        assertThat(b.covers(1)).isFalse();
        byte[] tail = b.from(offset - 9);
        assertThat(new String(tail, StandardCharsets.US_ASCII)).isEqualTo("0123456789");
        byte[] all = b.from(b.firstByteOffset());
        assertThat(all).hasSize(SIZE);
        // byte i of the ring is byte (first + i - 1) of the stream: the stream repeats every 10 bytes
        long first = b.firstByteOffset();
        for (int i = 0; i < all.length; i++) assertThat(all[i]).isEqualTo((byte) ('0' + (first - 1 + i) % 10));
    }

    @Test
    void aWriteLargerThanTheRingKeepsItsTail() {
        ReplicationBacklog b = new ReplicationBacklog(SIZE, 0);
        feed(b, "ab".repeat(SIZE));
        assertThat(b.histlen()).isEqualTo(SIZE);
        assertThat(new String(b.from(offset - 3), StandardCharsets.US_ASCII)).isEqualTo("abab");
    }

    @Test
    void resizingKeepsWhatFits() {
        ReplicationBacklog b = new ReplicationBacklog(SIZE * 2L, 0);
        feed(b, "x".repeat(SIZE + 10));
        b.resize(SIZE, offset);
        assertThat(b.histlen()).isEqualTo(SIZE);
        assertThat(b.firstByteOffset()).isEqualTo(offset - SIZE + 1);
        feed(b, "tail");
        assertThat(new String(b.from(offset - 3), StandardCharsets.US_ASCII)).isEqualTo("tail");
    }
}
