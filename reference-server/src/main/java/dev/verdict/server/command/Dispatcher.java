package dev.verdict.server.command;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.transaction.Transaction;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one place every command passes through (Redis's {@code processCommand}): it resolves the
 * command and subcommand, then checks arity, authentication, no-multi, out-of-memory, the
 * replica's read-only and stale-data rules, the RESP2 subscribed context and CLIENT PAUSE,
 * queues inside MULTI, and only then runs the
 * handler through {@link #call}. The order of checks, and so which error a bad request gets,
 * is Redis 7.0's.
 */
public final class Dispatcher {

    static final String READONLY = "READONLY You can't write against a read only replica.";
    static final String MASTERDOWN = "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.";

    /** Redis truncates names and argument previews in error texts to 128 characters. */
    private static final int PREVIEW = 128;

    private final ServerContext server;

    public Dispatcher(ServerContext server) {
        this.server = server;
    }

    /** Runs one request from {@code client}; its replies are written to the client's buffer. */
    public void dispatch(Client client, byte[][] argv) {
        if (client.postponed() != null) {
            client.postpone(argv); // keep the order behind a command held by CLIENT PAUSE
            return;
        }
        server.clock().update();
        client.touch(server.clock().millis());
        server.markPendingWrite(client);

        client.skipCurrentReply(client.skippingNextReply());
        client.skipNextReply(false);
        int mark = client.reply().pendingBytes();
        process(client, argv);
        // resetClient: CLIENT CACHING covers the next command only, or a whole MULTI ... EXEC
        var tracking = client.tracking();
        if (tracking != null && tracking.caching() && !client.transaction().inMulti() && !Args.is(argv[0], "client")
                && client.postponed() == null) {
            tracking.endCaching();
        }
        // Checked after the call: CLIENT REPLY ON must be answered even when it ends OFF or SKIP.
        // a replica never answers its master (but REPLCONF GETACK, which the master client sends itself)
        if ((client.repliesOff() || client.skippingCurrentReply() || client.isMaster()) && client.postponed() == null) {
            client.reply().truncate(mark);
        }
        client.skipCurrentReply(false);
        // the client's invalidations for keys it changed itself follow its reply (after EXEC's as a whole)
        server.tracking().afterRequest(client);
    }

    private void process(Client client, byte[][] argv) {
        CommandSpec command = resolve(client, argv);
        // c->lastcmd is what processCommand looked up, before any check: CLIENT INFO shows itself
        client.lastCommand(command == null ? "NULL" : command.fullName());
        if (command == null) return;
        if (!command.arityAccepts(argv.length)) {
            reject(client, command, Errors.wrongArity(command.fullName()));
            return;
        }
        // DEBUG is "protected" in Redis 7.0, a flag COMMAND INFO does not show, so it is named here.
        if (command.parent() == null && command.name().equals("debug") && !protectedAllowed(client)) {
            reject(client, command, "ERR DEBUG command not allowed. If the enable-debug-command option is set to \"local\", "
                    + "you can run it from a local connection, otherwise you need to set this option in the "
                    + "configuration file, and then restart the server.");
            return;
        }
        if (!client.authenticated() && !command.hasFlag(CommandFlag.NO_AUTH)) {
            reject(client, command, Errors.NOAUTH);
            return;
        }
        Transaction tx = client.transaction();
        if (tx.inMulti() && command.hasFlag(CommandFlag.NO_MULTI)) {
            reject(client, command, "ERR Command not allowed inside a transaction");
            return;
        }
        String name = command.parent() == null ? command.name() : command.parent().name();
        boolean isExec = name.equals("exec");
        // mustObeyClient: what the master sends is applied whatever this replica's own rules say
        boolean obey = client.isMaster();
        boolean replica = server.replication().isReplica();
        if (server.maxmemory() > 0) {
            // isSafeToPerformEvictions: a replica ignoring maxmemory stays an exact copy of its master
            boolean evicts = !replica || !server.config().getBool("replica-ignore-maxmemory");
            boolean outOfMemory = evicts && !server.keyspace().freeMemoryIfNeeded();
            boolean denyOom = command.hasFlag(CommandFlag.DENYOOM) || (isExec && tx.anyQueuedHas(CommandFlag.DENYOOM));
            // Queuing can grow memory without bound, so inside MULTI only EXEC, DISCARD, QUIT and RESET pass.
            if (tx.inMulti() && !isExec && !name.equals("discard") && !name.equals("quit") && !name.equals("reset")) {
                denyOom = true;
            }
            if (outOfMemory && denyOom) {
                reject(client, command, Errors.OOM);
                return;
            }
        }
        // Redis's writeCommandsDeniedByDiskError: a failed BGSAVE stops writes (and PING) on a master.
        boolean isWrite = command.hasFlag(CommandFlag.WRITE) || (isExec && tx.anyQueuedHas(CommandFlag.WRITE));
        if ((isWrite || name.equals("ping")) && !obey && server.persistence().writesDeniedByDiskError()) {
            reject(client, command, dev.verdict.server.persistence.Persistence.BGSAVE_ERROR);
            return;
        }
        // min-replicas-to-write: checkGoodReplicasStatus, for writes and EXEC of queued writes
        if (isWrite && !server.replicationMaster().enoughGoodReplicas()) {
            reject(client, command, "NOREPLICAS Not enough good replicas to write.");
            return;
        }
        if (replica && isWrite && !obey && server.config().getBool("replica-read-only")) {
            reject(client, command, READONLY);
            return;
        }
        if (client.subscriptions().active() && client.protocol() == 2 && !allowedWhileSubscribed(name)) {
            reject(client, command, "ERR Can't execute '" + command.fullName()
                    + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            return;
        }
        if (replica && !server.masterLink().connected() && !server.config().getBool("replica-serve-stale-data")
                && (!command.hasFlag(CommandFlag.STALE) || (isExec && tx.anyQueuedLacks(CommandFlag.STALE)))) {
            reject(client, command, MASTERDOWN);
            return;
        }
        if (server.pause().holds(command, tx)) {
            client.postpone(argv);
            client.channel().config().setAutoRead(false);
            server.heldByPause(client);
            return;
        }
        if (tx.inMulti() && !isExec && !name.equals("discard") && !name.equals("multi") && !name.equals("watch")
                && !name.equals("quit") && !name.equals("reset")) {
            tx.queue(command, argv);
            client.reply().queued();
            return;
        }
        call(client, command, argv);
    }

    /**
     * Runs a command that passed every check (Redis's {@code call}): times it, feeds command
     * statistics, SLOWLOG, LATENCY and MONITOR, and serves clients blocked on keys it readied.
     */
    public void call(Client client, CommandSpec command, byte[][] argv) {
        long errorsBefore = client.reply().errorCount();
        long start = System.nanoTime();
        long offsetBefore = server.replication().masterReplOffset();
        String family = command.parent() == null ? command.name() : command.parent().name();
        server.persistence().beforeCall(client, family, argv);
        boolean outermost = server.tracking().enter(client);
        try {
            command.handler().execute(client, argv);
            // trackingRememberKeys; shard channels are keys to COMMAND but nothing to cache
            if (client.tracking() != null && command.hasFlag(CommandFlag.READONLY) && !command.hasFlag(CommandFlag.PUBSUB)) {
                server.tracking().rememberKeys(client, command, argv);
            }
        } catch (RuntimeException | StackOverflowError | LinkageError bug) {
            // A half-written reply would desynchronize the client, so it gets an error and is closed.
            dev.verdict.server.Log.warning("Command " + command.fullName() + " failed: " + bug);
            server.stats().unexpectedErrorReplies++;
            client.reply().error("ERR internal error in '" + command.fullName() + "': " + bug);
            client.closeAfterReply();
        }
        // propagation to the AOF (Redis's call → propagatePendingCommands)
        server.persistence().afterCall(client, family, argv);
        // WAIT waits for the offset right after the client's last propagated write (Redis's woff)
        long offsetAfter = server.replication().masterReplOffset();
        if (offsetAfter != offsetBefore) client.writeOffset(offsetAfter);
        long nanos = System.nanoTime() - start;
        long micros = nanos / 1000;
        CommandStats stats = command.stats();
        if (server.latencyTracking()) {
            if (stats.latency == null) stats.latency = new LatencyHistogram();
            stats.latency.record(nanos);
        }
        stats.calls++;
        stats.micros += micros;
        if (client.reply().errorCount() > errorsBefore) stats.failedCalls++;
        server.stats().commandsProcessed++;
        server.observeCall(client, command, argv, micros);
        // Inside EXEC (or a script) the keys wait until the whole transaction has run, as in Redis.
        if (!client.denyBlocking()) server.blocked().serveReadyKeys();
        if (outermost) server.tracking().leave();
    }

    /** Redis's allowProtectedAction for DEBUG: {@code yes}, or {@code local} from a loopback client. */
    private boolean protectedAllowed(Client client) {
        String setting = server.config().get("enable-debug-command");
        if ("yes".equals(setting)) return true;
        return "local".equals(setting) && client.channel().remoteAddress() instanceof java.net.InetSocketAddress a
                && a.getAddress().isLoopbackAddress();
    }

    private static boolean allowedWhileSubscribed(String name) {
        return switch (name) {
            case "ping", "subscribe", "ssubscribe", "unsubscribe", "sunsubscribe", "psubscribe", "punsubscribe",
                 "quit", "reset" -> true;
            default -> false;
        };
    }

    /** The implemented command or subcommand {@code argv} names, or null after replying an error. */
    private CommandSpec resolve(Client client, byte[][] argv) {
        CommandSpec base = server.commands().lookup(argv[0]);
        if (base == null || !base.implemented()) {
            reject(client, null, unknownCommand(argv));
            return null;
        }
        if (!base.hasSubcommands() || argv.length == 1) {
            return base;
        }
        CommandSpec sub = base.subcommand(CommandTable.lowerAscii(argv[1]));
        if (sub == null || sub.handler() == null) {
            reject(client, null, "ERR unknown subcommand '" + truncate(argv[1]) + "'. Try "
                    + Args.upperAscii(Args.cString(argv[0])) + " HELP.");
            return null;
        }
        return sub;
    }

    /**
     * Replies an error for a command that will not run (Redis's rejectCommand): inside MULTI
     * the transaction is flagged so EXEC answers EXECABORT; a rejected EXEC discards it (and its
     * WATCHes) and answers EXECABORT whether or not MULTI is open, as execCommandAbort does.
     * Redis's formatted rejections carry no code of their own (the "ERR " is added only when
     * replied directly), so it is left out of the EXECABORT text.
     */
    private void reject(Client client, CommandSpec command, String error) {
        Transaction tx = client.transaction();
        tx.flagError();
        if (command != null) {
            command.stats().rejectedCalls++;
            // Redis's execCommandAbort: any rejected EXEC, inside MULTI or not, discards and says why.
            if (command.name().equals("exec") && command.parent() == null) {
                // Redis formats its own rejections without the ERR code; shared ones (NOAUTH, OOM) keep theirs.
                String reason = error.startsWith("ERR ") ? error.substring(4) : error;
                client.reply().error("EXECABORT Transaction discarded because of: " + reason);
                dev.verdict.server.transaction.TransactionCommands.discardTransaction(client);
                return;
            }
        }
        client.reply().error(error);
    }

    static String unknownCommand(byte[][] argv) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < argv.length && args.length() < PREVIEW; i++) {
            // '%.*s' with the room left: a byte-for-char text, so lengths count bytes as in C
            String arg = Args.cString(argv[i], PREVIEW - args.length());
            args.append('\'').append(arg).append("' ");
        }
        return "ERR unknown command '" + truncate(argv[0]) + "', with args beginning with: " + args;
    }

    /** C's %.128s of an argument. */
    private static String truncate(byte[] arg) {
        return Args.cString(arg, PREVIEW);
    }
}
