package dev.verdict.conformance.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Redis configuration directives as redis-server's command line: {@code --key value ...}. */
final class RedisArgs {

    private RedisArgs() {
    }

    /** A mutable list, so callers can append more arguments. */
    static List<String> of(Map<String, String> directives) {
        List<String> args = new ArrayList<>();
        directives.forEach((key, value) -> {
            args.add("--" + key);
            args.add(value);
        });
        return args;
    }
}
