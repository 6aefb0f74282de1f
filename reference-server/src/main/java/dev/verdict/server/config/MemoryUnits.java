package dev.verdict.server.config;

import java.util.Locale;

/** Redis's memory amounts: a number with an optional k/kb/m/mb/g/gb unit (memtoull). */
public final class MemoryUnits {

    private MemoryUnits() {
    }

    /** Bytes, or -1 when the text is not a memory amount. */
    public static long parse(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        long multiplier = 1;
        String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"}, {"k", "1000"}, {"m", "1000000"}, {"g", "1000000000"}, {"b", "1"}};
        for (String[] unit : units) {
            if (s.endsWith(unit[0])) {
                multiplier = Long.parseLong(unit[1]);
                s = s.substring(0, s.length() - unit[0].length());
                break;
            }
        }
        try {
            long value = Long.parseLong(s);
            return value < 0 ? -1 : Math.multiplyExact(value, multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }
}
