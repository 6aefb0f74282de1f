package dev.verdict.conformance.diff.report;

/** A finding as a file a person can run: a redis-cli script with the seed and both replies in comments. */
public final class Reproduction {

    private Reproduction() {
    }

    public static String script(Finding f, String targetA, String targetB) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(f.id()).append(": ").append(f.command()).append(" (").append(f.family())
                .append("), seed ").append(f.seed()).append(", shrunk from ").append(f.originalLength())
                .append(" commands\n");
        sb.append("# run on an empty database:  redis-cli -p PORT < this-file\n");
        sb.append("# A = ").append(targetA).append(" answered the last command: ").append(escape(f.replyA())).append('\n');
        sb.append("# B = ").append(targetB).append(" answered the last command: ").append(escape(f.replyB())).append('\n');
        sb.append("FLUSHALL\n");
        f.reproduction().forEach(line -> sb.append(line).append('\n'));
        return sb.toString();
    }

    private static String escape(String raw) {
        return raw.replace("\r", "\\r").replace("\n", "\\n");
    }
}
