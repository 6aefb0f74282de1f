package dev.verdict.server.connection;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.resp.SharedReplies;
import dev.verdict.server.transaction.TransactionCommands;

/** PING, ECHO, HELLO, AUTH, RESET, QUIT, SELECT. */
public final class ConnectionCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("ping", ConnectionCommands::ping);
        table.bind("echo", (client, argv) -> client.reply().bulk(argv[1]));
        table.bind("quit", ConnectionCommands::quit);
        table.bind("select", ConnectionCommands::select);
        table.bind("hello", ConnectionCommands::hello);
        table.bind("auth", ConnectionCommands::auth);
        table.bind("reset", ConnectionCommands::reset);
    }

    static void ping(Client client, byte[][] argv) {
        if (argv.length > 2) {
            client.reply().error(Errors.wrongArity("ping"));
        } else if (client.subscriptions().active() && client.protocol() == 2) {
            client.reply().arrayHeader(2);
            client.reply().bulk("pong");
            client.reply().bulk(argv.length == 2 ? argv[1] : new byte[0]);
        } else if (argv.length == 2) {
            client.reply().bulk(argv[1]);
        } else {
            client.reply().raw(SharedReplies.PONG);
        }
    }

    static void quit(Client client, byte[][] argv) {
        client.reply().ok();
        client.closeAfterReply();
    }

    static void select(Client client, byte[][] argv) {
        Integer index = Args.parseInt(client, argv[1]);
        if (index == null) {
            return;
        } else if (index < 0 || index >= client.server().keyspace().count()) {
            client.reply().error(Errors.DB_INDEX);
        } else {
            client.select(index.intValue());
            client.reply().ok();
        }
    }

    /** HELLO [protover [AUTH username password] [SETNAME clientname]]. */
    static void hello(Client client, byte[][] argv) {
        int protocol = client.protocol();
        if (argv.length >= 2) {
            Long requested = Args.parseLong(argv[1]);
            if (requested == null) {
                client.reply().error("ERR Protocol version is not an integer or out of range");
                return;
            }
            if (requested < 2 || requested > 3) {
                client.reply().error("NOPROTO unsupported protocol version");
                return;
            }
            protocol = requested.intValue();
        }
        String user = null;
        String password = null;
        String name = null;
        for (int i = 2; i < argv.length; i++) {
            int more = argv.length - i - 1;
            if (Args.is(argv[i], "AUTH") && more >= 2) {
                user = Args.utf8(argv[i + 1]);
                password = Args.utf8(argv[i + 2]);
                i += 2;
            } else if (Args.is(argv[i], "SETNAME") && more >= 1) {
                name = Args.utf8(argv[i + 1]);
                if (!ClientNames.valid(name)) {
                    client.reply().error(ClientNames.INVALID);
                    return;
                }
                i += 1;
            } else {
                client.reply().error("ERR Syntax error in HELLO option '" + Args.cString(argv[i]) + "'");
                return;
            }
        }
        if (user != null && !authenticate(client, user, password)) {
            client.reply().error("WRONGPASS invalid username-password pair or user is disabled.");
            return;
        }
        if (!client.authenticated()) {
            client.reply().error("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time");
            return;
        }
        if (name != null) client.name(name);
        client.reply().protocol(protocol);
        ReplyWriter reply = client.reply();
        reply.mapHeader(7);
        reply.bulk("server");
        reply.bulk("redis");
        reply.bulk("version");
        reply.bulk(ServerContext.REDIS_VERSION);
        reply.bulk("proto");
        reply.integer(protocol);
        reply.bulk("id");
        reply.integer(client.id());
        reply.bulk("mode");
        reply.bulk("standalone");
        reply.bulk("role");
        reply.bulk("master");
        reply.bulk("modules");
        reply.emptyArray();
    }

    static void auth(Client client, byte[][] argv) {
        if (argv.length > 3) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        if (argv.length == 2 && !client.server().requiresPassword()) {
            client.reply().error("ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?");
            return;
        }
        String user = argv.length == 2 ? "default" : Args.utf8(argv[1]);
        String password = Args.utf8(argv[argv.length - 1]);
        if (authenticate(client, user, password)) {
            client.reply().ok();
        } else {
            client.reply().error("WRONGPASS invalid username-password pair or user is disabled.");
        }
    }

    /** RESET: the connection returns to the state of a new one (Redis's clearClientConnectionState). */
    static void reset(Client client, byte[][] argv) {
        ServerContext server = client.server();
        if (client.monitor()) {
            server.monitors().remove(client);
            client.monitor(false);
        }
        client.select(0);
        client.reply().protocol(2);
        client.authenticated(!server.requiresPassword());
        TransactionCommands.discardTransaction(client);
        server.pubsub().forget(client);
        server.tracking().disable(client);
        client.name("");
        client.noEvict(false);
        client.replyMode(Client.ReplyMode.ON);
        client.skipNextReply(false);
        client.reply().status("RESET");
    }

    /** The default user with {@code requirepass} (full ACL users are a later step). */
    static boolean authenticate(Client client, String user, String password) {
        String required = client.server().config().get("requirepass");
        boolean ok = "default".equals(user) && (required.isEmpty() || required.equals(password));
        if (ok) client.authenticated(true);
        return ok;
    }
}
