package dev.verdict.server.persistence.aof;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the commands of an AOF file (RESP multibulk, with {@code #TS:} annotations skipped) and
 * says where the last complete one ended, so a torn tail can be truncated there.
 */
public final class AofCommandReader {

    /** Why reading stopped early. */
    public enum Problem { NONE, TRUNCATED, BAD_FORMAT }

    private final InputStream in;
    private long offset;
    private long lastValidOffset;
    private Problem problem = Problem.NONE;
    private String detail;

    public AofCommandReader(InputStream in) {
        this.in = in;
    }

    /** Offset just after the last complete command (or annotation). */
    public long lastValidOffset() {
        return lastValidOffset;
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }

    /** The next command, or null at the end or at a problem (see {@link #problem}). */
    public byte[][] next() throws IOException {
        while (true) {
            int first = in.read();
            if (first == -1) return null;
            offset++;
            if (first == '#') {
                String line = readLine();
                if (line == null) return fail(Problem.TRUNCATED, "truncated annotation");
                lastValidOffset = offset;
                continue;
            }
            if (first != '*') return fail(Problem.BAD_FORMAT, "expected '*', got '" + (char) first + "'");
            String countLine = readLine();
            if (countLine == null) return fail(Problem.TRUNCATED, "truncated multibulk count");
            int argc;
            try {
                argc = Integer.parseInt(countLine);
            } catch (NumberFormatException e) {
                return fail(Problem.BAD_FORMAT, "bad multibulk count");
            }
            if (argc < 1) return fail(Problem.BAD_FORMAT, "bad multibulk count");
            byte[][] argv = new byte[argc][];
            for (int i = 0; i < argc; i++) {
                int dollar = in.read();
                if (dollar == -1) return fail(Problem.TRUNCATED, "truncated bulk header");
                offset++;
                if (dollar != '$') return fail(Problem.BAD_FORMAT, "expected '$'");
                String lenLine = readLine();
                if (lenLine == null) return fail(Problem.TRUNCATED, "truncated bulk length");
                int len;
                try {
                    len = Integer.parseInt(lenLine);
                } catch (NumberFormatException e) {
                    return fail(Problem.BAD_FORMAT, "bad bulk length");
                }
                if (len < 0) return fail(Problem.BAD_FORMAT, "bad bulk length");
                byte[] arg = in.readNBytes(len);
                offset += arg.length;
                if (arg.length < len) return fail(Problem.TRUNCATED, "truncated bulk");
                int cr = in.read();
                int lf = cr == -1 ? -1 : in.read();
                if (cr != -1) offset++;
                if (lf != -1) offset++;
                if (cr == -1 || lf == -1) return fail(Problem.TRUNCATED, "truncated bulk terminator");
                if (cr != '\r' || lf != '\n') return fail(Problem.BAD_FORMAT, "bad bulk terminator");
                argv[i] = arg;
            }
            lastValidOffset = offset;
            return argv;
        }
    }

    private byte[][] fail(Problem p, String why) {
        problem = p;
        detail = why;
        return null;
    }

    /** A CRLF-terminated line without its terminator, or null at EOF. */
    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c == -1) return null;
            offset++;
            if (c == '\r') {
                int lf = in.read();
                if (lf == -1) return null;
                offset++;
                return b.toString();
            }
            b.append((char) c);
        }
    }
}
