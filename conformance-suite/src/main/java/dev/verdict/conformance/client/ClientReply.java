package dev.verdict.conformance.client;

/**
 * A reply as one client saw it. The raw client knows the exact bytes; Jedis and Lettuce only
 * give decoded Java objects, which the adapters turn back into a {@link RespValue}, so
 * {@link #raw()} is null and the value is only as exact as that client's decoding.
 */
public record ClientReply(RespValue value, byte[] raw) {

    public static ClientReply of(RespReply reply) {
        return new ClientReply(reply.value(), reply.raw());
    }

    public static ClientReply decoded(RespValue value) {
        return new ClientReply(value, null);
    }

    /** True when {@link #raw()} holds the bytes exactly as the server sent them. */
    public boolean exact() {
        return raw != null;
    }

    public boolean isError() {
        return value instanceof RespValue.Error;
    }

    @Override
    public String toString() {
        return raw != null ? RespValues.escape(raw) : value.toString();
    }
}
