package dev.verdict.server.command;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;

import java.nio.charset.StandardCharsets;

/**
 * The one place every command passes through (Redis's {@code processCommand}): it resolves the
 * command and subcommand, checks arity and authentication, and only then runs the handler.
 * The order of checks, and so which error a bad request gets, is Redis 7.0's.
 */
public final class Dispatcher {

    /** Redis truncates names and argument previews in error texts to 128 characters. */
    private static final int PREVIEW = 128;

    private final ServerContext server;

    public Dispatcher(ServerContext server) {
        this.server = server;
    }

    /** Runs one request from {@code client}; its replies are written to the client's buffer. */
    public void dispatch(Client client, byte[][] argv) {
        server.clock().update();
        client.touch(server.clock().millis());
        server.markPendingWrite(client);

        CommandSpec command = resolve(client, argv);
        if (command == null) return;
        if (!command.arityAccepts(argv.length)) {
            reject(client, Errors.wrongArity(command.fullName()));
            return;
        }
        if (!client.authenticated() && !command.hasFlag("no_auth")) {
            reject(client, Errors.NOAUTH);
            return;
        }
        command.handler().execute(client, argv);
        server.blocked().serveReadyKeys();
    }

    /** The implemented command or subcommand {@code argv} names, or null after replying an error. */
    private CommandSpec resolve(Client client, byte[][] argv) {
        CommandSpec base = server.commands().lookup(argv[0]);
        if (base == null || !base.implemented()) {
            reject(client, unknownCommand(argv));
            return null;
        }
        if (!base.hasSubcommands() || argv.length == 1) {
            return base;
        }
        CommandSpec sub = base.subcommand(CommandTable.lowerAscii(argv[1]));
        if (sub == null || sub.handler() == null) {
            reject(client, "ERR unknown subcommand '" + truncate(argv[1]) + "'. Try "
                    + new String(argv[0], StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT) + " HELP.");
            return null;
        }
        return sub;
    }

    /** Replies an error for a command that will not run (Redis's rejectCommand). */
    private void reject(Client client, String error) {
        client.reply().error(error);
    }

    static String unknownCommand(byte[][] argv) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < argv.length && args.length() < PREVIEW; i++) {
            String arg = new String(argv[i], StandardCharsets.UTF_8);
            int room = PREVIEW - args.length();
            args.append('\'').append(arg, 0, Math.min(arg.length(), room)).append("' ");
        }
        return "ERR unknown command '" + truncate(argv[0]) + "', with args beginning with: " + args;
    }

    private static String truncate(byte[] arg) {
        String s = new String(arg, StandardCharsets.UTF_8);
        return s.length() <= PREVIEW ? s : s.substring(0, PREVIEW);
    }
}
