package dev.verdict.reports.site;

import dev.verdict.reports.results.ChaosExperiment;
import dev.verdict.reports.results.ChaosExperiment.Bucket;
import dev.verdict.reports.results.ChaosExperiment.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An experiment's timeline as inline SVG: throughput, latency p50/p99 and errors in three panels
 * over one time axis, with every fault window shaded across all of them.
 */
final class TimelineChart {

    private static final int WIDTH = 960;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int GAP = 30;
    private static final int BOTTOM = 34;
    private static final int THROUGHPUT_H = 130;
    private static final int LATENCY_H = 130;
    private static final int ERRORS_H = 90;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;

    private final ChaosExperiment experiment;
    private final List<Bucket> buckets;
    private final long bucketMs;
    private final double startMs;
    private final double spanMs;
    private final StringBuilder svg = new StringBuilder(8 * 1024);

    private TimelineChart(ChaosExperiment experiment) {
        this.experiment = experiment;
        this.buckets = experiment.timeline().buckets();
        this.bucketMs = experiment.timeline().bucketMs() > 0 ? experiment.timeline().bucketMs() : 1000;
        double end = experiment.durationMs();
        for (Bucket b : buckets) {
            end = Math.max(end, b.t() + bucketMs);
        }
        for (Fault f : experiment.faults()) {
            end = Math.max(end, f.end());
        }
        this.startMs = firstActivity();
        this.spanMs = end > startMs ? end - startMs : 1000;
    }

    /**
     * Experiments often record idle buckets while their topology starts; the chart begins shortly
     * before the first operation or fault instead, so the interesting part gets the width.
     */
    private double firstActivity() {
        double first = Double.MAX_VALUE;
        for (Bucket b : buckets) {
            if (b.ok() + b.fail() + b.unknown() > 0) {
                first = b.t();
                break;
            }
        }
        for (Fault f : experiment.faults()) {
            first = Math.min(first, f.startMs());
        }
        if (first == Double.MAX_VALUE) {
            return 0;
        }
        double margin = 4.0 * bucketMs;
        return first > margin ? Math.floor((first - margin) / 1000) * 1000 : 0;
    }

    static String render(ChaosExperiment experiment) {
        return new TimelineChart(experiment).draw();
    }

    private String draw() {
        int height = TOP + THROUGHPUT_H + GAP + LATENCY_H + GAP + ERRORS_H + BOTTOM;
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">",
                WIDTH, height, WIDTH, height));
        svg.append("<title>").append(Html.escape("Timeline of " + experiment.name())).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        legend();
        int throughputTop = TOP;
        int latencyTop = throughputTop + THROUGHPUT_H + GAP;
        int errorsTop = latencyTop + LATENCY_H + GAP;
        int plotBottom = errorsTop + ERRORS_H;
        faultWindows(throughputTop, plotBottom);

        double perSecond = 1000.0 / bucketMs;
        double maxOps = niceCeiling(max(b -> b.ok() * perSecond));
        panel(throughputTop, THROUGHPUT_H, maxOps, "ok ops/s");
        line(throughputTop, THROUGHPUT_H, maxOps, b -> b.ok() * perSecond, "#2b7bb9", "throughput");

        double maxLatency = niceCeiling(Math.max(max(b -> value(b.p99Ms())), max(b -> value(b.p50Ms()))));
        panel(latencyTop, LATENCY_H, maxLatency, "latency ms");
        line(latencyTop, LATENCY_H, maxLatency, b -> b.p50Ms(), "#2a9d5c", "p50");
        line(latencyTop, LATENCY_H, maxLatency, b -> b.p99Ms(), "#8e44ad", "p99");

        double maxErrors = niceCeiling(max(b -> (double) (b.fail() + b.unknown())));
        panel(errorsTop, ERRORS_H, maxErrors, "errors/bucket");
        errorBars(errorsTop, maxErrors);

        timeAxis(plotBottom);
        svg.append("</svg>");
        return svg.toString();
    }

    private void legend() {
        String[][] items = {
            {"#2b7bb9", "throughput (ok ops/s)"}, {"#2a9d5c", "latency p50"}, {"#8e44ad", "latency p99"},
            {"#d64541", "failed ops"}, {"#f0a030", "unknown outcome"}, {"#f5a623", "fault window"}};
        int x = LEFT;
        for (String[] item : items) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"10\" width=\"12\" height=\"12\" fill=\"%s\"%s/><text x=\"%d\" y=\"20\" class=\"legend\">%s</text>",
                    x, item[0], item[1].equals("fault window") ? " fill-opacity=\"0.3\"" : "", x + 16,
                    Html.escape(item[1])));
            x += 24 + item[1].length() * 7;
        }
    }

    private void faultWindows(int top, int bottom) {
        for (Fault f : experiment.faults()) {
            double x1 = x(f.startMs());
            double w = Math.max(3, x(f.end()) - x1);
            String label = f.name() + (f.node() == null ? "" : " (" + f.node() + ")");
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"fault\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f5a623\" fill-opacity=\"0.25\"><title>%s</title></rect>",
                    x1, top, w, bottom - top, Html.escape(label + " " + f.startMs() + "\u2013" + f.end() + " ms")));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"fault-label\">%s</text>",
                    x1 + 3, top + 11, Html.escape(label)));
        }
    }

    private void panel(int top, int height, double max, String label) {
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>",
                LEFT, top, PLOT_W, height));
        for (int i = 0; i <= 2; i++) {
            double v = max * i / 2;
            double y = top + height - height * i / 2.0;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
                    LEFT, LEFT + PLOT_W, y, y, LEFT - 4, y + 4, number(v)));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"12\" y=\"%d\" class=\"axis-label\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>",
                top + height / 2, top + height / 2, Html.escape(label)));
    }

    /** A polyline per run of buckets that have a value: a missing percentile breaks the line. */
    private void line(int top, int height, double max, Function<Bucket, Double> valueOf, String colour, String name) {
        List<String> points = new ArrayList<>();
        for (Bucket b : buckets) {
            if (b.t() < startMs) {
                continue;
            }
            Double v = valueOf.apply(b);
            if (v == null) {
                flush(points, colour, name);
                continue;
            }
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x(b.t() + bucketMs / 2.0), y(top, height, max, v)));
        }
        flush(points, colour, name);
    }

    private void flush(List<String> points, String colour, String name) {
        if (points.isEmpty()) {
            return;
        }
        if (points.size() == 1) {
            String[] xy = points.get(0).split(",");
            svg.append(String.format("<circle cx=\"%s\" cy=\"%s\" r=\"2\" fill=\"%s\"/>", xy[0], xy[1], colour));
        } else {
            svg.append(String.format("<polyline class=\"series-%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>",
                    name, colour, String.join(" ", points)));
        }
        points.clear();
    }

    private void errorBars(int top, double max) {
        double width = Math.max(1, x(startMs + bucketMs) - x(startMs) - 1);
        for (Bucket b : buckets) {
            if (b.t() < startMs) {
                continue;
            }
            double baseY = top + ERRORS_H;
            double failH = ERRORS_H * b.fail() / max;
            double unknownH = ERRORS_H * b.unknown() / max;
            if (b.fail() > 0) {
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"errors\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#d64541\"/>",
                        x(b.t()), baseY - failH, width, failH));
            }
            if (b.unknown() > 0) {
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#f0a030\"/>",
                        x(b.t()), baseY - failH - unknownH, width, unknownH));
            }
        }
    }

    private void timeAxis(int plotBottom) {
        double stepMs = niceCeiling(spanMs / 8);
        for (double t = Math.ceil(startMs / stepMs) * stepMs; t <= startMs + spanMs + 1e-9; t += stepMs) {
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/><text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s s</text>",
                    x(t), x(t), plotBottom, plotBottom + 5, x(t), plotBottom + 18, number(t / 1000)));
        }
    }

    private double x(double tMs) {
        return LEFT + PLOT_W * (tMs - startMs) / spanMs;
    }

    private static double y(int top, int height, double max, double v) {
        return top + height - height * Math.min(v, max) / max;
    }

    private double max(Function<Bucket, Double> valueOf) {
        return buckets.stream().filter(b -> b.t() >= startMs).mapToDouble(b -> value(valueOf.apply(b))).max().orElse(0);
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }

    /** The smallest of 1, 2, 2.5, 5 x 10^n at or above v, so ticks read as round numbers. */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= v * (1 - 1e-12)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
    }
}
