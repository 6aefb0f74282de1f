package dev.verdict.conformance.client;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes one complete RESP2/RESP3 reply from a byte range, or reports that more bytes are
 * needed. It never consumes a partial reply, so a read that times out mid-reply loses nothing.
 */
public final class RespDecoder {

    /** Thrown when the bytes are not RESP at all. */
    public static final class ProtocolException extends RuntimeException {
        public ProtocolException(String message) {
            super(message);
        }
    }

    /** A decoded value and where it ended in the buffer. */
    public record Decoded(RespValue value, int end) {
    }

    private final byte[] buf;
    private final int limit;
    private int pos;

    private RespDecoder(byte[] buf, int start, int limit) {
        this.buf = buf;
        this.pos = start;
        this.limit = limit;
    }

    /** Decodes one reply from {@code buf[start, limit)}; null when the reply is not complete yet. */
    public static Decoded decode(byte[] buf, int start, int limit) {
        RespDecoder d = new RespDecoder(buf, start, limit);
        RespValue v = d.value();
        return v == null ? null : new Decoded(v, d.pos);
    }

    /** Decodes exactly one reply from the whole array. */
    public static RespValue decodeFully(byte[] bytes) {
        Decoded d = decode(bytes, 0, bytes.length);
        if (d == null || d.end() != bytes.length) {
            throw new ProtocolException("not exactly one complete reply: " + RespValues.escape(bytes));
        }
        return d.value();
    }

    private RespValue value() {
        if (pos >= limit) {
            return null;
        }
        byte type = buf[pos++];
        String line = line();
        if (line == null) {
            return null;
        }
        switch (type) {
            case '+':
                return new RespValue.SimpleString(line);
            case '-':
                return new RespValue.Error(line);
            case ':':
                return new RespValue.Integer(parseLong(line));
            case ',':
                return new RespValue.Double(line);
            case '(':
                return new RespValue.BigNumber(line);
            case '#':
                if (line.equals("t") || line.equals("f")) {
                    return new RespValue.Boolean(line.equals("t"));
                }
                throw new ProtocolException("bad boolean #" + line);
            case '_':
                if (!line.isEmpty()) {
                    throw new ProtocolException("bad null _" + line);
                }
                return new RespValue.Null(RespValue.NullKind.RESP3);
            case '$':
            case '!':
            case '=': {
                long len = parseLong(line);
                if (len == -1 && type == '$') {
                    return new RespValue.Null(RespValue.NullKind.BULK);
                }
                byte[] data = blob(len);
                if (data == null) {
                    return null;
                }
                if (type == '$') {
                    return new RespValue.Bulk(data);
                }
                if (type == '!') {
                    return new RespValue.Error(new String(data, StandardCharsets.UTF_8), true);
                }
                if (data.length < 4 || data[3] != ':') {
                    throw new ProtocolException("bad verbatim string");
                }
                byte[] text = new byte[data.length - 4];
                System.arraycopy(data, 4, text, 0, text.length);
                return new RespValue.Verbatim(new String(data, 0, 3, StandardCharsets.US_ASCII), text);
            }
            case '*':
            case '~':
            case '>': {
                long n = parseLong(line);
                if (n == -1 && type == '*') {
                    return new RespValue.Null(RespValue.NullKind.ARRAY);
                }
                List<RespValue> elements = elements(n);
                if (elements == null) {
                    return null;
                }
                return switch (type) {
                    case '*' -> new RespValue.Array(elements);
                    case '~' -> new RespValue.SetValue(elements);
                    default -> new RespValue.Push(elements);
                };
            }
            case '%':
            case '|': {
                List<Map.Entry<RespValue, RespValue>> entries = entries(parseLong(line));
                if (entries == null) {
                    return null;
                }
                if (type == '%') {
                    return new RespValue.MapValue(entries);
                }
                RespValue annotated = value();
                return annotated == null ? null : new RespValue.Attributed(entries, annotated);
            }
            default:
                throw new ProtocolException("unknown RESP type byte '" + (char) type + "'");
        }
    }

    private List<RespValue> elements(long n) {
        if (n < 0) {
            throw new ProtocolException("negative aggregate length " + n);
        }
        List<RespValue> out = new ArrayList<>((int) Math.min(n, 1024));
        for (long i = 0; i < n; i++) {
            RespValue v = value();
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    private List<Map.Entry<RespValue, RespValue>> entries(long n) {
        if (n < 0) {
            throw new ProtocolException("negative map length " + n);
        }
        List<Map.Entry<RespValue, RespValue>> out = new ArrayList<>((int) Math.min(n, 1024));
        for (long i = 0; i < n; i++) {
            RespValue k = value();
            if (k == null) {
                return null;
            }
            RespValue v = value();
            if (v == null) {
                return null;
            }
            out.add(new AbstractMap.SimpleImmutableEntry<>(k, v));
        }
        return out;
    }

    private byte[] blob(long len) {
        if (len < 0) {
            throw new ProtocolException("negative blob length " + len);
        }
        if (limit - pos < len + 2) {
            return null;
        }
        byte[] data = new byte[(int) len];
        System.arraycopy(buf, pos, data, 0, (int) len);
        pos += (int) len;
        if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw new ProtocolException("blob not terminated by CRLF");
        }
        pos += 2;
        return data;
    }

    private String line() {
        for (int i = pos; i + 1 < limit; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') {
                String s = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                pos = i + 2;
                return s;
            }
        }
        return null;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ProtocolException("not a number: " + s);
        }
    }
}
