package dev.verdict.server.resp;

/** The request-size limits the decoder enforces; read live so CONFIG SET takes effect at once. */
public interface RequestLimits {
    long protoMaxBulkLen();

    long clientQueryBufferLimit();
}
