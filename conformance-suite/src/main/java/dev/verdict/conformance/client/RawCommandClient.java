package dev.verdict.conformance.client;

/** The raw client behind the {@link CommandClient} seam; it also exposes its connection. */
public final class RawCommandClient implements CommandClient {

    private final RespConnection connection;

    public RawCommandClient(RespConnection connection) {
        this.connection = connection;
    }

    public RespConnection connection() {
        return connection;
    }

    @Override
    public ClientKind kind() {
        return ClientKind.RAW;
    }

    @Override
    public Protocol protocol() {
        return connection.protocol();
    }

    @Override
    public ClientReply call(byte[]... args) {
        return ClientReply.of(connection.call(args));
    }

    @Override
    public void close() {
        connection.close();
    }
}
