package dev.verdict.conformance.client;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Commands through {@code Jedis.sendCommand}; Jedis's decoded objects are mapped back to
 * {@link RespValue}s (status and bulk strings both arrive as {@code byte[]}, so both become bulk).
 */
public final class JedisCommandClient implements CommandClient {

    private final Jedis jedis;
    private final Protocol protocol;

    private JedisCommandClient(Jedis jedis, Protocol protocol) {
        this.jedis = jedis;
        this.protocol = protocol;
    }

    public static JedisCommandClient open(String host, int port, Protocol protocol, Duration timeout) {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .protocol(protocol == Protocol.RESP3 ? RedisProtocol.RESP3 : RedisProtocol.RESP2)
                .timeoutMillis((int) timeout.toMillis())
                .build();
        Jedis jedis = new Jedis(new HostAndPort(host, port), config);
        jedis.connect();
        return new JedisCommandClient(jedis, protocol);
    }

    @Override
    public ClientKind kind() {
        return ClientKind.JEDIS;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public ClientReply call(byte[]... args) {
        byte[] name = args[0];
        ProtocolCommand command = () -> name;
        try {
            Object reply = jedis.sendCommand(command, Arrays.copyOfRange(args, 1, args.length));
            return ClientReply.decoded(toValue(reply));
        } catch (JedisDataException e) {
            return ClientReply.decoded(new RespValue.Error(e.getMessage()));
        }
    }

    static RespValue toValue(Object o) {
        if (o == null) {
            return new RespValue.Null(RespValue.NullKind.BULK);
        }
        if (o instanceof byte[] b) {
            return new RespValue.Bulk(b);
        }
        if (o instanceof Long l) {
            return new RespValue.Integer(l);
        }
        if (o instanceof Double d) {
            return new RespValue.Double(d.toString());
        }
        if (o instanceof Boolean b) {
            return new RespValue.Boolean(b);
        }
        if (o instanceof BigInteger n) {
            return new RespValue.BigNumber(n.toString());
        }
        if (o instanceof String s) {
            return new RespValue.Bulk(s.getBytes(StandardCharsets.UTF_8));
        }
        if (o instanceof JedisDataException e) {
            return new RespValue.Error(e.getMessage());
        }
        if (o instanceof List<?> list) {
            if (!list.isEmpty() && list.stream().allMatch(e -> e instanceof Map.Entry<?, ?>)) {
                List<Map.Entry<RespValue, RespValue>> entries = new ArrayList<>();
                for (Object e : list) {
                    Map.Entry<?, ?> kv = (Map.Entry<?, ?>) e;
                    entries.add(new AbstractMap.SimpleImmutableEntry<>(toValue(kv.getKey()), toValue(kv.getValue())));
                }
                return new RespValue.MapValue(entries);
            }
            List<RespValue> elements = new ArrayList<>(list.size());
            for (Object e : list) {
                elements.add(toValue(e));
            }
            return new RespValue.Array(elements);
        }
        if (o instanceof Map<?, ?> map) {
            List<Map.Entry<RespValue, RespValue>> entries = new ArrayList<>();
            for (Map.Entry<?, ?> kv : map.entrySet()) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(toValue(kv.getKey()), toValue(kv.getValue())));
            }
            return new RespValue.MapValue(entries);
        }
        throw new IllegalArgumentException("unexpected Jedis reply type " + o.getClass().getName() + ": " + o);
    }

    @Override
    public void close() {
        jedis.close();
    }
}
