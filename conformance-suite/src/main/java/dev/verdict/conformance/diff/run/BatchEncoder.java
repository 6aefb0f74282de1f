package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.diff.Command;

import java.util.List;

/**
 * A batch of commands as RESP arrays of bulk strings, written straight into one exactly sized array: every command
 * of a run passes here twice (once per target), so it avoids the general encoder's per-byte stream writes.
 */
final class BatchEncoder {

    private BatchEncoder() {
    }

    static byte[] encode(List<Command> batch) {
        int size = 0;
        for (Command c : batch) {
            size += 3 + digits(c.args().size());
            for (byte[] a : c.args()) {
                size += 5 + digits(a.length) + a.length;
            }
        }
        byte[] out = new byte[size];
        int p = 0;
        for (Command c : batch) {
            p = header(out, p, (byte) '*', c.args().size());
            for (byte[] a : c.args()) {
                p = header(out, p, (byte) '$', a.length);
                System.arraycopy(a, 0, out, p, a.length);
                p += a.length;
                out[p++] = '\r';
                out[p++] = '\n';
            }
        }
        return out;
    }

    private static int header(byte[] out, int p, byte type, int n) {
        out[p++] = type;
        int d = digits(n);
        for (int i = p + d - 1; i >= p; i--) {
            out[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        p += d;
        out[p++] = '\r';
        out[p++] = '\n';
        return p;
    }

    private static int digits(int n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }
}
