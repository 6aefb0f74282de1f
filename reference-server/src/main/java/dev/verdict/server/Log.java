package dev.verdict.server;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Log lines in Redis's format: {@code pid:M 22 Nov 2026 04:30:00.123 * message}. */
public final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ROOT);
    private static final long PID = ProcessHandle.current().pid();
    private static volatile PrintStream out = System.out;
    /** Redis's role letter: C while reading the configuration, M once the server runs. */
    private static volatile char role = 'M';

    private Log() {
    }

    public static void to(PrintStream stream) {
        out = stream;
    }

    public static void role(char r) {
        role = r;
    }

    /** Notice level ({@code *}). */
    public static void notice(String message) {
        write('*', message);
    }

    /** Warning level ({@code #}). */
    public static void warning(String message) {
        write('#', message);
    }

    /** Verbose level ({@code -}). */
    public static void verbose(String message) {
        write('-', message);
    }

    /** serverLogFromHandler's form: {@code pid:signal-handler (unix seconds) message}. */
    public static void fromSignalHandler(String message) {
        out.println(PID + ":signal-handler (" + System.currentTimeMillis() / 1000 + ") " + message);
        out.flush();
    }

    private static void write(char level, String message) {
        out.println(PID + ":" + role + " " + TIME.format(ZonedDateTime.now()) + " " + level + " " + message);
        out.flush();
    }
}
