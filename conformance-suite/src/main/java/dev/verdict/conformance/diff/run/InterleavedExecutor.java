package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.client.RespValue;
import dev.verdict.conformance.diff.Command;
import dev.verdict.conformance.diff.compare.LiveSides;
import dev.verdict.conformance.diff.compare.Outcome;
import dev.verdict.conformance.diff.compare.ReplyComparator;
import dev.verdict.conformance.diff.grammar.CommandSpec;
import dev.verdict.conformance.diff.grammar.Grammar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The multi-connection mode: each command of the sequence names one of several clients, and the sequence runs
 * one command at a time, in the seed's order, on each target. After a command, everything the clients received is
 * collected (the command's reply, a blocked client's late reply, pub/sub messages) and compared per client, so
 * blocking commands, MULTI/EXEC across clients and pub/sub are compared as events. A command that gets no reply
 * within a short wait leaves its client blocked; later commands for a blocked client are skipped on both targets
 * alike. Blocking timeouts are 0 or invalid (see Tuning), so when a reply arrives does not depend on the clock.
 */
public final class InterleavedExecutor implements SequenceExecutor {

    private static final Duration BLOCKED_AFTER = Duration.ofMillis(100);
    private static final Duration DRAIN = Duration.ofMillis(3);
    private static final Set<String> SUBSCRIPTIONS = Set.of("SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE",
            "PUNSUBSCRIBE", "SUNSUBSCRIBE");
    private static final RespReply BLOCKED = marker("(no reply yet: blocked)");
    private static final RespReply SKIPPED = marker("(not sent: client blocked)");
    private static final RespReply NOTHING = marker("(nothing)");

    private final DiffTarget targetA;
    private final DiffTarget targetB;
    private final Protocol protocol;
    private final SingleConnectionExecutor control;
    private final ReplyComparator comparator;
    private final Grammar grammar;
    private final int clients;

    public InterleavedExecutor(DiffTarget targetA, DiffTarget targetB, Protocol protocol,
                               SingleConnectionExecutor control, ReplyComparator comparator, Grammar grammar,
                               int clients) {
        this.targetA = targetA;
        this.targetB = targetB;
        this.protocol = protocol;
        this.control = control;
        this.comparator = comparator;
        this.grammar = grammar;
        this.clients = clients;
    }

    private static RespReply marker(String text) {
        return new RespReply(text.getBytes(StandardCharsets.ISO_8859_1), new RespValue.SimpleString(text));
    }

    /** One target's clients and what they are doing. */
    private final class Clients implements AutoCloseable {
        final Session[] sessions = new Session[clients];
        final boolean[] blocked = new boolean[clients];
        final boolean[] subscribed = new boolean[clients];
        final boolean[] dead = new boolean[clients];

        Clients(DiffTarget target) {
            try {
                for (int i = 0; i < clients; i++) {
                    sessions[i] = target.open(protocol);
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Runs one command; returns per client the replies that arrived, the command's own reply first. */
        List<List<RespReply>> step(Command c, boolean mayBlock) {
            List<List<RespReply>> events = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                events.add(new ArrayList<>());
            }
            int me = c.client();
            if (blocked[me] || dead[me]) {
                events.get(me).add(SKIPPED);
            } else {
                Optional<RespReply> reply;
                try {
                    sessions[me].send(List.of(c));
                    reply = mayBlock ? sessions[me].poll(BLOCKED_AFTER) : Optional.of(sessions[me].receive(1).get(0));
                } catch (java.io.UncheckedIOException closed) {
                    reply = Optional.of(Lockstep.CONNECTION_CLOSED); // the client stays unusable: later commands skip
                    dead[me] = true;
                }
                if (reply.isPresent()) {
                    events.get(me).add(reply.get());
                    if (SUBSCRIPTIONS.contains(c.specName())) {
                        subscribed[me] = isSubscriptionReply(reply.get());
                    }
                } else {
                    blocked[me] = true;
                    events.get(me).add(BLOCKED);
                }
            }
            for (int i = 0; i < clients; i++) {
                if (!dead[i] && (blocked[i] || subscribed[i] || (i == me && SUBSCRIPTIONS.contains(c.specName())))) {
                    Optional<RespReply> more;
                    while ((more = pollSafely(i)).isPresent()) {
                        events.get(i).add(more.get());
                        blocked[i] = false; // whatever arrives on a blocked client is its late reply
                    }
                }
            }
            return events;
        }

        private Optional<RespReply> pollSafely(int i) {
            try {
                return sessions[i].poll(DRAIN);
            } catch (java.io.UncheckedIOException closed) {
                dead[i] = true;
                return Optional.of(Lockstep.CONNECTION_CLOSED);
            }
        }

        @Override
        public void close() {
            for (Session s : sessions) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    private static boolean isSubscriptionReply(RespReply r) {
        List<RespValue> e = r.value() instanceof RespValue.Array a ? a.elements()
                : r.value() instanceof RespValue.Push p ? p.elements() : List.of();
        return e.size() == 3 && e.get(2) instanceof RespValue.Integer n && n.value() > 0;
    }

    @Override
    public Lockstep.Result run(List<Command> sequence, boolean compareKeyspace) {
        control.reset();
        List<Lockstep.Step> steps = new ArrayList<>();
        try (Clients a = new Clients(targetA); Clients b = new Clients(targetB)) {
            LiveSides sides = new LiveSides() {
                @Override
                public RespReply callA(Command command) {
                    return a.sessions[command.client()].execute(List.of(command)).get(0);
                }

                @Override
                public RespReply callB(Command command) {
                    return b.sessions[command.client()].execute(List.of(command)).get(0);
                }
            };
            for (Command c : sequence) {
                boolean mayBlock = grammar.command(c.specName()).map(this::mayBlock).orElse(false);
                List<List<RespReply>> ea = a.step(c, mayBlock);
                List<List<RespReply>> eb = b.step(c, mayBlock);
                Lockstep.Step step = compare(c, ea, eb, sides);
                steps.add(step);
                if (step.outcome() == Outcome.MISMATCH) {
                    return new Lockstep.Result(steps, false);
                }
                if (step.outcome() == Outcome.MATCH && step.a() != SKIPPED && step.a() != BLOCKED
                        && comparator.lastDivergesState()) {
                    return new Lockstep.Result(steps, true); // SPOP took different members: nothing more compares
                }
            }
        }
        Lockstep.Result result = new Lockstep.Result(steps, false);
        return compareKeyspace ? control.withKeyspace(result) : result;
    }

    private boolean mayBlock(CommandSpec spec) {
        return spec.hasFlag("blocking");
    }

    private Lockstep.Step compare(Command c, List<List<RespReply>> ea, List<List<RespReply>> eb, LiveSides sides) {
        int me = c.client();
        if (SUBSCRIPTIONS.contains(c.specName()) && c.specName().contains("UNSUBSCRIBE") && c.args().size() == 1
                && unsubscribedAll(ea.get(me)).equals(unsubscribedAll(eb.get(me)))) {
            // unsubscribing from everything answers once per channel in hash-table order, each with the count of
            // subscriptions left: the channels and the counts are compared as sets
            ea.set(me, List.of(NOTHING));
            eb.set(me, List.of(NOTHING));
        }
        for (int i = 0; i < clients; i++) {
            if (i != me) {
                // one PUBLISH can reach a client through several patterns, in the order of a hash table
                ea.set(i, sortedByBytes(ea.get(i)));
                eb.set(i, sortedByBytes(eb.get(i)));
            }
        }
        RespReply firstA = ea.get(me).get(0);
        RespReply firstB = eb.get(me).get(0);
        Outcome own = firstA == SKIPPED || firstA == BLOCKED || firstB == SKIPPED || firstB == BLOCKED
                ? (firstA == firstB ? Outcome.MATCH : Outcome.MISMATCH)
                : comparator.compare(c, firstA, firstB, sides);
        if (own != Outcome.MATCH) {
            return new Lockstep.Step(c, firstA, firstB, own);
        }
        for (int i = 0; i < clients; i++) {
            List<RespReply> ra = ea.get(i);
            List<RespReply> rb = eb.get(i);
            for (int k = i == me ? 1 : 0; k < Math.max(ra.size(), rb.size()); k++) {
                RespReply x = k < ra.size() ? ra.get(k) : NOTHING;
                RespReply y = k < rb.size() ? rb.get(k) : NOTHING;
                if (!java.util.Arrays.equals(x.raw(), y.raw())) {
                    return new Lockstep.Step(c, labelled(i, x), labelled(i, y), Outcome.MISMATCH);
                }
            }
        }
        return new Lockstep.Step(c, firstA, firstB, Outcome.MATCH);
    }

    /** The channels and the counts of an unsubscribe-all's replies, each sorted. */
    private static String unsubscribedAll(List<RespReply> replies) {
        List<String> channels = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (RespReply r : replies) {
            List<RespValue> e = r.value() instanceof RespValue.Array a ? a.elements()
                    : r.value() instanceof RespValue.Push p ? p.elements() : List.of(r.value());
            channels.add(e.size() > 1 ? e.get(0) + " " + e.get(1) : r.toString());
            counts.add(e.size() > 2 ? e.get(2).toString() : "");
        }
        channels.sort(null);
        counts.sort(null);
        return channels + " " + counts;
    }

    private static List<RespReply> sortedByBytes(List<RespReply> replies) {
        List<RespReply> copy = new ArrayList<>(replies);
        copy.sort((x, y) -> java.util.Arrays.compareUnsigned(x.raw(), y.raw()));
        return copy;
    }

    /** A reply that arrived on another client, marked with that client for the report. */
    private static RespReply labelled(int client, RespReply r) {
        byte[] label = ("(client c" + client + ") ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] raw = new byte[label.length + r.raw().length];
        System.arraycopy(label, 0, raw, 0, label.length);
        System.arraycopy(r.raw(), 0, raw, label.length, r.raw().length);
        return new RespReply(raw, r.value());
    }
}
