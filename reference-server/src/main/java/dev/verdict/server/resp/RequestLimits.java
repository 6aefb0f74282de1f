package dev.verdict.server.resp;

/** The request-size limits the decoder enforces; read live so CONFIG SET takes effect at once. */
public interface RequestLimits {
    long protoMaxBulkLen();

    long clientQueryBufferLimit();

    /** Told the size of every chunk read from the socket (INFO total_net_input_bytes). */
    default void bytesRead(int count) {
    }
}
