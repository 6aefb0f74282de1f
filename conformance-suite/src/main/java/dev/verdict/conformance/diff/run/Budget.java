package dev.verdict.conformance.diff.run;

import java.time.Duration;
import java.util.Locale;

/** How long a run lasts: a number of commands ({@code 5000}) or a time ({@code 30s}, {@code 2m}). */
public record Budget(long commands, Duration time) {

    public static Budget parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return new Budget(Long.MAX_VALUE, Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
        }
        if (t.endsWith("s")) {
            return new Budget(Long.MAX_VALUE, Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1))));
        }
        if (t.endsWith("m")) {
            return new Budget(Long.MAX_VALUE, Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))));
        }
        return new Budget(Long.parseLong(t), Duration.ofDays(1));
    }

    public static Budget commands(long n) {
        return new Budget(n, Duration.ofDays(1));
    }

    public boolean exhausted(long commandsRun, long startedNanos) {
        return commandsRun >= commands || System.nanoTime() - startedNanos >= time.toNanos();
    }

    /** The number of commands, or null for a time budget. */
    public Long commandCount() {
        return commands != Long.MAX_VALUE ? commands : null;
    }

    /** The time, or null for a command budget. */
    public String timeText() {
        return commands != Long.MAX_VALUE ? null : time.toMillis() + "ms";
    }

    @Override
    public String toString() {
        return commands != Long.MAX_VALUE ? Long.toString(commands) : time.toSeconds() + "s";
    }
}
