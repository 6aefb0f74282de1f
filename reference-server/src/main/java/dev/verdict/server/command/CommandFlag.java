package dev.verdict.server.command;

/**
 * The command flags the server itself acts on, as named in Redis's COMMAND INFO. A spec keeps
 * them as a bit set so the dispatcher's per-command checks cost a mask test, not a string lookup;
 * the full list of flag names (for COMMAND INFO) stays in {@link CommandSpec#flags()}.
 */
public enum CommandFlag {
    WRITE("write"),
    DENYOOM("denyoom"),
    ADMIN("admin"),
    FAST("fast"),
    NO_AUTH("no_auth"),
    NO_MULTI("no_multi"),
    STALE("stale"),
    MAY_REPLICATE("may_replicate"),
    NO_MANDATORY_KEYS("no_mandatory_keys"),
    SKIP_SLOWLOG("skip_slowlog"),
    SKIP_MONITOR("skip_monitor"),
    READONLY("readonly"),
    PUBSUB("pubsub"),
    MOVABLEKEYS("movablekeys");

    private final String redisName;

    CommandFlag(String redisName) {
        this.redisName = redisName;
    }

    /** The bits of the flags among {@code names} that the server acts on. */
    static long bitsOf(Iterable<String> names) {
        long bits = 0;
        for (String name : names) {
            for (CommandFlag flag : values()) {
                if (flag.redisName.equals(name)) bits |= 1L << flag.ordinal();
            }
        }
        return bits;
    }

    long bit() {
        return 1L << ordinal();
    }
}
