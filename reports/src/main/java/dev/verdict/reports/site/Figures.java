package dev.verdict.reports.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Chaos figures as people read them: named in words, durations in seconds or milliseconds. */
final class Figures {

    private static final Map<String, String> LABELS = Map.of(
            "failoverMs", "failover time",
            "ackedWritesLost", "acknowledged writes lost",
            "ackedWrites", "acknowledged writes",
            "convergenceMs", "convergence time");

    /** The three the issue asks for come first, in this order; the rest follow as written. */
    private static final List<String> FIRST = List.of("failoverMs", "ackedWritesLost", "convergenceMs");

    private Figures() {}

    static List<String> orderedKeys(Map<String, Object> figures) {
        List<String> keys = new ArrayList<>();
        FIRST.stream().filter(figures::containsKey).forEach(keys::add);
        figures.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    static String label(String key) {
        String known = LABELS.get(key);
        if (known != null) {
            return known;
        }
        String base = key.endsWith("Ms") ? key.substring(0, key.length() - 2) : key;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    static String value(String key, Object value) {
        if (!(value instanceof Number number)) {
            return String.valueOf(value);
        }
        double v = number.doubleValue();
        if (key.endsWith("Ms")) {
            return v >= 1000 ? String.format(Locale.ROOT, "%.2f s", v / 1000) : TimelineChart.number(v) + " ms";
        }
        return TimelineChart.number(v);
    }
}
