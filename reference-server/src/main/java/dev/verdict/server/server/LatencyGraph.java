package dev.verdict.server.server;

import java.util.Arrays;

/**
 * LATENCY GRAPH: Redis's header line, an 80-dash rule and the sparkline (sparkline.c rendered
 * with 80 columns, 4 rows and the fill charset), each sample labelled with how long ago it was.
 */
final class LatencyGraph {

    private static final int COLUMNS = 80;
    private static final int ROWS = 4;
    private static final String CHARSET_FILL = "_o#";
    private static final int LABEL_MARGIN_TOP = 1;

    private LatencyGraph() {
    }

    static String render(String event, LatencyMonitor.Series s, long nowSeconds) {
        int size = s.times.length;
        double[] values = new double[size];
        String[] labels = new String[size];
        int n = 0;
        long min = 0;
        long max = 0;
        for (int j = 0; j < size; j++) {
            int i = (s.next + j) % size;
            if (s.times[i] == 0) continue;
            long latency = s.latencies[i];
            if (n == 0) {
                min = max = latency;
            } else {
                max = Math.max(max, latency);
                min = Math.min(min, latency);
            }
            values[n] = latency;
            labels[n] = ago((int) (nowSeconds - s.times[i]));
            n++;
        }
        StringBuilder out = new StringBuilder();
        out.append(event).append(" - high ").append(max).append(" ms, low ").append(min)
                .append(" ms (all time high ").append(s.max).append(" ms)\n");
        out.append("-".repeat(COLUMNS)).append('\n');
        sparkline(out, values, labels, n);
        return out.toString();
    }

    private static String ago(int elapsed) {
        if (elapsed < 60) return elapsed + "s";
        if (elapsed < 3600) return elapsed / 60 + "m";
        if (elapsed < 3600 * 24) return elapsed / 3600 + "h";
        return elapsed / (3600 * 24) + "d";
    }

    /** sparklineRender: chunks of COLUMNS samples, separated by an empty line. */
    private static void sparkline(StringBuilder out, double[] values, String[] labels, int length) {
        // sparklineSequenceAddSample updates the max only when the value is not a new min
        double seqMin = 0;
        double seqMax = 0;
        for (int j = 0; j < length; j++) {
            if (j == 0) {
                seqMin = seqMax = values[j];
            } else if (values[j] < seqMin) {
                seqMin = values[j];
            } else if (values[j] > seqMax) {
                seqMax = values[j];
            }
        }
        for (int j = 0; j < length; j += COLUMNS) {
            if (j != 0) out.append('\n');
            renderRange(out, values, labels, seqMin, seqMax, j, Math.min(COLUMNS, length - j), length > 0);
        }
    }

    private static void renderRange(StringBuilder out, double[] values, String[] labels, double min, double max,
                                    int offset, int len, boolean hasLabels) {
        double relmax = max - min;
        if (relmax == 0) relmax = 1;
        int steps = CHARSET_FILL.length() * ROWS;
        char[] chars = new char[len];
        for (int row = 0; ; row++) {
            boolean more = false;
            Arrays.fill(chars, ' ');
            for (int j = 0; j < len; j++) {
                int step = (int) ((values[j + offset] - min) * steps / relmax);
                step = Math.max(0, Math.min(steps - 1, step));
                if (row < ROWS) {
                    int charIndex = step - (ROWS - row - 1) * CHARSET_FILL.length();
                    more = true;
                    if (charIndex >= 0 && charIndex < CHARSET_FILL.length()) chars[j] = CHARSET_FILL.charAt(charIndex);
                    else if (charIndex >= CHARSET_FILL.length()) chars[j] = '|';
                } else {
                    if (hasLabels && row - ROWS < LABEL_MARGIN_TOP) {
                        more = true;
                        break;
                    }
                    String label = labels[j + offset];
                    int labelChar = row - ROWS - LABEL_MARGIN_TOP;
                    if (label.length() > labelChar) {
                        more = true;
                        chars[j] = label.charAt(labelChar);
                    }
                }
            }
            if (!more) return;
            out.append(chars).append('\n');
        }
    }
}
