package dev.verdict.conformance.client;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Commands through Lettuce's {@code dispatch} with an output that rebuilds the whole reply tree. */
public final class LettuceCommandClient implements CommandClient {

    /** One set of event loops for every Lettuce connection of the JVM; they are expensive to start. */
    private static ClientResources sharedResources;

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final Protocol protocol;
    private final Duration timeout;

    private LettuceCommandClient(RedisClient client, StatefulRedisConnection<byte[], byte[]> connection, Protocol protocol,
                                 Duration timeout) {
        this.timeout = timeout;
        this.client = client;
        this.connection = connection;
        this.protocol = protocol;
    }

    private static synchronized ClientResources resources() {
        if (sharedResources == null) {
            sharedResources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(1).build();
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> sharedResources.shutdown(0, 2, TimeUnit.SECONDS), "lettuce-resources-shutdown"));
        }
        return sharedResources;
    }

    public static LettuceCommandClient open(String host, int port, Protocol protocol, Duration timeout) {
        RedisURI uri = RedisURI.builder().withHost(host).withPort(port).withTimeout(timeout).build();
        RedisClient client = RedisClient.create(resources(), uri);
        client.setOptions(ClientOptions.builder()
                .protocolVersion(protocol == Protocol.RESP3 ? ProtocolVersion.RESP3 : ProtocolVersion.RESP2)
                .build());
        try {
            return new LettuceCommandClient(client, client.connect(ByteArrayCodec.INSTANCE), protocol, timeout);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw e;
        }
    }

    @Override
    public ClientKind kind() {
        return ClientKind.LETTUCE;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public ClientReply call(byte[]... args) {
        byte[] name = args[0];
        ProtocolKeyword keyword = new ProtocolKeyword() {
            @Override
            public byte[] getBytes() {
                return name;
            }

            /** Not a bare command name: Lettuce keys its MULTI/EXEC/SELECT/AUTH bookkeeping on it, and this adapter must stay a transparent pipe. */
            @Override
            public String toString() {
                return "dispatched " + new String(name, StandardCharsets.UTF_8);
            }
        };
        CommandArgs<byte[], byte[]> commandArgs = new CommandArgs<>(ByteArrayCodec.INSTANCE);
        for (int i = 1; i < args.length; i++) {
            commandArgs.add(args[i]);
        }
        // async + get rather than sync(): the sync proxy answers null for every command while it
        // believes a transaction is open, which would hide the server's QUEUED replies
        RedisFuture<RespValue> future = connection.async().dispatch(keyword, new ReplyTreeOutput(), commandArgs);
        try {
            return ClientReply.decoded(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RedisException re && re.getCause() == null) {
                return ClientReply.decoded(new RespValue.Error(re.getMessage()));
            }
            throw new IllegalStateException("lettuce call failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no reply within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
