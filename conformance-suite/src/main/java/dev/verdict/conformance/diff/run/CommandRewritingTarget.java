package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.diff.Command;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A target whose commands are rewritten on the way in: plants a known bug in front of a correct server, so that
 * tests can check the engine finds and shrinks it without editing any server.
 */
public final class CommandRewritingTarget implements DiffTarget {

    private final DiffTarget inner;
    private final String fault;
    private final UnaryOperator<Command> rewrite;

    public CommandRewritingTarget(DiffTarget inner, String fault, UnaryOperator<Command> rewrite) {
        this.inner = inner;
        this.fault = fault;
        this.rewrite = rewrite;
    }

    /** A planted off-by-one in the end index of a range command (LRANGE, GETRANGE): a non-negative end grows by one. */
    public static CommandRewritingTarget endIndexOffByOne(DiffTarget inner, String command) {
        return new CommandRewritingTarget(inner, command.toLowerCase() + "-off-by-one", c -> {
            if (!c.specName().equals(command) || c.args().size() != 4) {
                return c;
            }
            try {
                long end = Long.parseLong(c.arg(3));
                if (end < 0 || end == Long.MAX_VALUE) {
                    return c;
                }
                List<String> args = new java.util.ArrayList<>(c.argStrings());
                args.set(3, Long.toString(end + 1));
                return c.withArgs(args);
            } catch (NumberFormatException notANumber) {
                return c;
            }
        });
    }

    @Override
    public String name() {
        return inner.name() + " with planted fault " + fault;
    }

    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public Session open(Protocol protocol) {
        Session s = inner.open(protocol);
        return new Session() {
            @Override
            public void send(List<Command> batch) {
                s.send(batch.stream().map(rewrite).toList());
            }

            @Override
            public List<RespReply> receive(int count) {
                return s.receive(count);
            }

            @Override
            public java.util.Optional<RespReply> poll(java.time.Duration wait) {
                return s.poll(wait);
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }
}
