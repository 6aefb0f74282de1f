package dev.verdict.conformance.client;

import java.nio.charset.StandardCharsets;

/** One reply as it came off the wire: its exact bytes and the decoded tree. */
public record RespReply(byte[] raw, RespValue value) {

    /** The raw bytes as text with CR/LF and non-printable bytes escaped. */
    public String rawEscaped() {
        return RespValues.escape(raw);
    }

    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    public boolean isError() {
        return value instanceof RespValue.Error;
    }

    @Override
    public String toString() {
        return rawEscaped();
    }
}
