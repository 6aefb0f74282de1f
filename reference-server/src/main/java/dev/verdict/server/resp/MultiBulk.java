package dev.verdict.server.resp;

/**
 * A command as a RESP multibulk ("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"), the form both the AOF and
 * the replication stream carry, encoded straight into a caller's byte array.
 */
public final class MultiBulk {

    private MultiBulk() {
    }

    /** The most bytes {@link #encode} can write for {@code argv}. */
    public static int maxLength(byte[][] argv) {
        int need = 16;
        for (byte[] a : argv) need += a.length + 16;
        return need;
    }

    /** Writes {@code argv} into {@code buf} from {@code pos} (room for {@link #maxLength} reserved); returns the end. */
    public static int encode(byte[] buf, int pos, byte[][] argv) {
        pos = header(buf, pos, '*', argv.length);
        for (byte[] a : argv) {
            pos = header(buf, pos, '$', a.length);
            System.arraycopy(a, 0, buf, pos, a.length);
            pos += a.length;
            buf[pos++] = '\r';
            buf[pos++] = '\n';
        }
        return pos;
    }

    /** "*n\r\n" or "$n\r\n". */
    private static int header(byte[] buf, int pos, char kind, int n) {
        buf[pos++] = (byte) kind;
        if (n == 0) {
            buf[pos++] = '0';
        } else {
            int start = pos;
            while (n > 0) {
                buf[pos++] = (byte) ('0' + n % 10);
                n /= 10;
            }
            for (int i = start, j = pos - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }
        buf[pos++] = '\r';
        buf[pos++] = '\n';
        return pos;
    }
}
