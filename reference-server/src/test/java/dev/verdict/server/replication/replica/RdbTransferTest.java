package dev.verdict.server.replication.replica;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The RDB transfer reader, fed the way a socket delivers: in pieces that cut anywhere. */
class RdbTransferTest {

    private static final String MARK = "0123456789abcdef0123456789abcdef01234567";

    private static RdbTransfer.Progress feedInPieces(RdbTransfer transfer, String wire, int piece, ByteBuf rest)
            throws Exception {
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf gathered = Unpooled.buffer();
        RdbTransfer.Progress progress = RdbTransfer.Progress.MORE;
        for (int i = 0; i < bytes.length && progress == RdbTransfer.Progress.MORE; i += piece) {
            gathered.writeBytes(bytes, i, Math.min(piece, bytes.length - i));
            progress = transfer.consume(gathered);
            gathered.discardReadBytes();
        }
        rest.writeBytes(gathered);
        return progress;
    }

    @Test
    void disklessPayloadEndsAtTheMarkEvenWhenItArrivesCutInPieces(@TempDir Path dir) throws Exception {
        RdbTransfer transfer = new RdbTransfer(dir);
        ByteBuf rest = Unpooled.buffer();
        String payload = "REDIS0010" + "x".repeat(100);
        assertThat(feedInPieces(transfer, "\n\n$EOF:" + MARK + "\r\n" + payload + MARK, 7, rest))
                .isEqualTo(RdbTransfer.Progress.DONE);
        assertThat(transfer.usedEofMark()).isTrue();
        assertThat(Files.readString(transfer.file(), StandardCharsets.ISO_8859_1)).isEqualTo(payload);
    }

    @Test
    void sizedPayloadLeavesTheStreamThatFollowsIt(@TempDir Path dir) throws Exception {
        RdbTransfer transfer = new RdbTransfer(dir);
        ByteBuf rest = Unpooled.buffer();
        String payload = "REDIS0010abc";
        String stream = "*1\r\n$4\r\nPING\r\n";
        assertThat(feedInPieces(transfer, "$" + payload.length() + "\r\n" + payload + stream, 1000, rest))
                .isEqualTo(RdbTransfer.Progress.DONE);
        assertThat(transfer.usedEofMark()).isFalse();
        assertThat(Files.readString(transfer.file(), StandardCharsets.ISO_8859_1)).isEqualTo(payload);
        assertThat(rest.toString(StandardCharsets.ISO_8859_1)).isEqualTo(stream);
    }

    @Test
    void anErrorInsteadOfThePayloadFailsTheTransfer(@TempDir Path dir) throws Exception {
        RdbTransfer transfer = new RdbTransfer(dir);
        assertThat(feedInPieces(transfer, "-ERR something\r\n", 100, Unpooled.buffer()))
                .isEqualTo(RdbTransfer.Progress.FAILED);
    }

    @Test
    void streamSizeIsTheCanonicalMultibulkLength() {
        byte[][] argv = {"SET".getBytes(), "key".getBytes(), "x".repeat(12).getBytes()};
        assertThat(Resp.size(argv)).isEqualTo("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$12\r\nxxxxxxxxxxxx\r\n".length());
    }
}
