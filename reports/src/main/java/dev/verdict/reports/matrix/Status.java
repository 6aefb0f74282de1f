package dev.verdict.reports.matrix;

import java.util.Collection;
import java.util.Locale;

/** What the matrix says about a command on a target; listed from the most to the least telling. */
public enum Status {
    FAILED("failed", "fail", "\u2717"),
    NOT_IMPLEMENTED("not implemented", "ni", "NI"),
    PASSED("passed", "pass", "\u2713"),
    UNTESTED("untested", "none", "\u00b7");

    private final String label;
    private final String cssClass;
    private final String symbol;

    Status(String label, String cssClass, String symbol) {
        this.label = label;
        this.cssClass = cssClass;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return cssClass;
    }

    public String symbol() {
        return symbol;
    }

    /** summary.json spells statuses as the result files do. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWire(String wire) {
        for (Status s : values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        return UNTESTED;
    }

    /** One failing case makes a command fail; an unknown-command reply beats passes of other cases. */
    public static Status combine(Collection<Status> statuses) {
        Status result = UNTESTED;
        for (Status s : statuses) {
            if (s.ordinal() < result.ordinal()) {
                result = s;
            }
        }
        return result;
    }
}
