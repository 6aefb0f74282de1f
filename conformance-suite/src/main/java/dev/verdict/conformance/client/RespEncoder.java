package dev.verdict.conformance.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes commands, and encodes reply values the way Redis 7.0 writes them for a given
 * protocol. For RESP2 it applies Redis's own downgrades: maps flatten to arrays, sets become
 * arrays, doubles, big numbers and verbatim strings become bulk strings, booleans become
 * integers, pushes become arrays, and a RESP3 null becomes {@code $-1} (a null array stays
 * {@code *-1}, which is why {@link RespValue.NullKind} is kept).
 */
public final class RespEncoder {

    private RespEncoder() {
    }

    /** A command as a RESP array of bulk strings. */
    public static byte[] command(byte[]... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + args.length * 16);
        writeCommand(out, args);
        return out.toByteArray();
    }

    static void writeCommand(ByteArrayOutputStream out, byte[][] args) {
        header(out, '*', args.length);
        for (byte[] a : args) {
            header(out, '$', a.length);
            out.writeBytes(a);
            crlf(out);
        }
    }

    /** The exact bytes Redis sends for this value on a connection speaking {@code protocol}. */
    public static byte[] encode(RespValue value, Protocol protocol) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value, protocol == Protocol.RESP3);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, RespValue value, boolean resp3) {
        if (value instanceof RespValue.SimpleString s) {
            line(out, '+', s.value());
        } else if (value instanceof RespValue.Error e) {
            if (e.blob() && resp3) {
                blob(out, '!', e.message().getBytes(StandardCharsets.UTF_8));
            } else {
                line(out, '-', e.message());
            }
        } else if (value instanceof RespValue.Integer i) {
            line(out, ':', Long.toString(i.value()));
        } else if (value instanceof RespValue.Bulk b) {
            blob(out, '$', b.value());
        } else if (value instanceof RespValue.Null n) {
            if (resp3) {
                line(out, '_', "");
            } else {
                line(out, n.kind() == RespValue.NullKind.ARRAY ? '*' : '$', "-1");
            }
        } else if (value instanceof RespValue.Array a) {
            aggregate(out, '*', a.elements(), resp3);
        } else if (value instanceof RespValue.SetValue s) {
            aggregate(out, resp3 ? '~' : '*', s.elements(), resp3);
        } else if (value instanceof RespValue.Push p) {
            aggregate(out, resp3 ? '>' : '*', p.elements(), resp3);
        } else if (value instanceof RespValue.MapValue m) {
            header(out, resp3 ? '%' : '*', resp3 ? m.entries().size() : m.entries().size() * 2L);
            entries(out, m.entries(), resp3);
        } else if (value instanceof RespValue.Double d) {
            if (resp3) {
                line(out, ',', d.text());
            } else {
                blob(out, '$', d.text().getBytes(StandardCharsets.US_ASCII));
            }
        } else if (value instanceof RespValue.Boolean b) {
            line(out, resp3 ? '#' : ':', resp3 ? (b.value() ? "t" : "f") : (b.value() ? "1" : "0"));
        } else if (value instanceof RespValue.BigNumber n) {
            if (resp3) {
                line(out, '(', n.digits());
            } else {
                blob(out, '$', n.digits().getBytes(StandardCharsets.US_ASCII));
            }
        } else if (value instanceof RespValue.Verbatim v) {
            if (resp3) {
                byte[] data = new byte[v.text().length + 4];
                System.arraycopy(v.format().getBytes(StandardCharsets.US_ASCII), 0, data, 0, 3);
                data[3] = ':';
                System.arraycopy(v.text(), 0, data, 4, v.text().length);
                blob(out, '=', data);
            } else {
                blob(out, '$', v.text());
            }
        } else if (value instanceof RespValue.Attributed a) {
            if (resp3) {
                header(out, '|', a.attributes().size());
                entries(out, a.attributes(), true);
            }
            write(out, a.value(), resp3);
        } else {
            throw new IllegalArgumentException("unknown value " + value);
        }
    }

    private static void aggregate(ByteArrayOutputStream out, char type, List<RespValue> elements, boolean resp3) {
        header(out, type, elements.size());
        for (RespValue e : elements) {
            write(out, e, resp3);
        }
    }

    private static void entries(ByteArrayOutputStream out, List<Map.Entry<RespValue, RespValue>> entries, boolean resp3) {
        for (Map.Entry<RespValue, RespValue> e : entries) {
            write(out, e.getKey(), resp3);
            write(out, e.getValue(), resp3);
        }
    }

    private static void header(ByteArrayOutputStream out, char type, long n) {
        line(out, type, Long.toString(n));
    }

    private static void line(ByteArrayOutputStream out, char type, String text) {
        out.write(type);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        crlf(out);
    }

    private static void blob(ByteArrayOutputStream out, char type, byte[] data) {
        header(out, type, data.length);
        out.writeBytes(data);
        crlf(out);
    }

    private static void crlf(ByteArrayOutputStream out) {
        out.write('\r');
        out.write('\n');
    }
}
