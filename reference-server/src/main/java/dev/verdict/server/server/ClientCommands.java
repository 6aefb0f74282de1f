package dev.verdict.server.server;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.blocking.Timeouts;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.command.Help;
import dev.verdict.server.connection.ClientNames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CLIENT ID, INFO, LIST, KILL, SETNAME, GETNAME, PAUSE, UNPAUSE, REPLY, NO-EVICT, UNBLOCK, HELP. */
public final class ClientCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("client|id", (c, argv) -> c.reply().integer(c.id()));
        table.bind("client|info", (c, argv) -> c.reply().verbatim("txt", ClientInfo.line(c) + "\n"));
        table.bind("client|list", ClientCommands::list);
        table.bind("client|kill", ClientCommands::kill);
        table.bind("client|setname", ClientCommands::setname);
        table.bind("client|getname", (c, argv) -> {
            if (c.name().isEmpty()) c.reply().nullBulk();
            else c.reply().bulk(c.name());
        });
        table.bind("client|pause", ClientCommands::pause);
        table.bind("client|unpause", (c, argv) -> {
            c.server().pause().unpause();
            c.reply().ok();
        });
        table.bind("client|reply", ClientCommands::reply);
        table.bind("client|no-evict", ClientCommands::noEvict);
        table.bind("client|unblock", ClientCommands::unblock);
        table.bind("client|help", ClientCommands::help);
    }

    private static void list(Client client, byte[][] argv) {
        Set<Long> ids = null;
        OutputBufferLimits.ClientClass type = null;
        boolean typeGiven = false;
        boolean masterType = false;
        if (argv.length == 4 && Args.is(argv[2], "TYPE")) {
            type = parseType(Args.utf8(argv[3]));
            typeGiven = true;
            masterType = Args.is(argv[3], "master");
            if (type == null && !isMasterOrReplica(argv[3])) {
                client.reply().error("ERR Unknown client type '" + Args.cString(argv[3]) + "'");
                return;
            }
        } else if (argv.length > 3 && Args.is(argv[2], "ID")) {
            ids = new LinkedHashSet<>();
            for (int i = 3; i < argv.length; i++) {
                Long id = Args.parseLong(argv[i]);
                if (id == null || id <= 0) {
                    client.reply().error("ERR Invalid client ID");
                    return;
                }
                ids.add(id);
            }
        } else if (argv.length != 2) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        StringBuilder out = new StringBuilder();
        ServerContext server = client.server();
        if (ids != null) {
            for (Long id : ids) {
                Client c = server.clients().get(id);
                if (c != null) out.append(ClientInfo.line(c)).append('\n');
            }
        } else {
            for (Client c : server.clients().values()) {
                if (typeGiven && !typeMatches(c, type, masterType)) continue;
                out.append(ClientInfo.line(c)).append('\n');
            }
        }
        client.reply().verbatim("txt", out.toString());
    }

    private static void kill(Client client, byte[][] argv) {
        ServerContext server = client.server();
        if (argv.length == 3) {
            String addr = Args.utf8(argv[2]);
            for (Client c : server.clients().values()) {
                if (ClientInfo.address(c).equals(addr)) {
                    client.reply().ok();
                    close(c, client);
                    return;
                }
            }
            client.reply().error("ERR No such client");
            return;
        }
        if (argv.length % 2 != 0) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        Long id = null;
        String addr = null;
        String laddr = null;
        String user = null;
        OutputBufferLimits.ClientClass type = null;
        boolean typeNeverMatches = false;
        boolean masterType = false;
        boolean skipMe = true;
        for (int i = 2; i < argv.length; i += 2) {
            byte[] option = argv[i];
            String value = Args.utf8(argv[i + 1]);
            if (Args.is(option, "ID")) {
                Long parsed = Args.parseLong(argv[i + 1]);
                if (parsed == null || parsed <= 0) {
                    client.reply().error("ERR client-id should be greater than 0");
                    return;
                }
                id = parsed;
            } else if (Args.is(option, "TYPE")) {
                type = parseType(value);
                if (type == null) {
                    if (!isMasterOrReplica(argv[i + 1])) {
                        client.reply().error("ERR Unknown client type '" + value + "'");
                        return;
                    }
                    masterType = Args.is(argv[i + 1], "master");
                    typeNeverMatches = !masterType;
                }
            } else if (Args.is(option, "ADDR")) {
                addr = value;
            } else if (Args.is(option, "LADDR")) {
                laddr = value;
            } else if (Args.is(option, "USER")) {
                user = value;
                if (!user.equals("default")) {
                    client.reply().error("ERR No such user '" + user + "'");
                    return;
                }
            } else if (Args.is(option, "SKIPME")) {
                if (Args.is(argv[i + 1], "yes")) skipMe = true;
                else if (Args.is(argv[i + 1], "no")) skipMe = false;
                else {
                    client.reply().error(Errors.SYNTAX);
                    return;
                }
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        List<Client> victims = new ArrayList<>();
        for (Client c : server.clients().values()) {
            if (id != null && c.id() != id) continue;
            if (typeNeverMatches) continue;
            if ((type != null || masterType) && !typeMatches(c, type, masterType)) continue;
            if (addr != null && !ClientInfo.address(c).equals(addr)) continue;
            if (laddr != null && !ClientInfo.localAddress(c).equals(laddr)) continue;
            if (skipMe && c == client) continue;
            victims.add(c);
        }
        client.reply().integer(victims.size());
        for (Client c : victims) close(c, client);
    }

    /** Killing oneself still delivers the reply first, like Redis's CLIENT_CLOSE_AFTER_REPLY. */
    private static void close(Client victim, Client killer) {
        if (victim == killer) {
            victim.closeAfterReply();
            return;
        }
        victim.server().disconnect(victim);
        victim.channel().close();
    }

    private static OutputBufferLimits.ClientClass parseType(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "normal" -> OutputBufferLimits.ClientClass.NORMAL;
            case "pubsub" -> OutputBufferLimits.ClientClass.PUBSUB;
            case "slave", "replica" -> OutputBufferLimits.ClientClass.REPLICA;
            default -> null;
        };
    }

    /** getClientType: this replica's master client is of type master only. */
    private static boolean typeMatches(Client c, OutputBufferLimits.ClientClass type, boolean masterType) {
        if (c.isMaster()) return masterType;
        return type != null && OutputBufferLimits.classOf(c) == type;
    }

    /** Types Redis knows that have no output-buffer class of their own here: master (a replica's link to its master). */
    private static boolean isMasterOrReplica(byte[] name) {
        return Args.is(name, "master") || Args.is(name, "slave") || Args.is(name, "replica");
    }

    private static void setname(Client client, byte[][] argv) {
        String name = Args.utf8(argv[2]);
        if (!ClientNames.valid(name)) {
            client.reply().error(ClientNames.INVALID);
            return;
        }
        client.name(name);
        client.reply().ok();
    }

    private static void pause(Client client, byte[][] argv) {
        long timeout = Timeouts.millis(client, argv[2]);
        if (timeout == Timeouts.INVALID) return;
        boolean all = true;
        if (argv.length == 4) {
            if (Args.is(argv[3], "WRITE")) all = false;
            else if (!Args.is(argv[3], "ALL")) {
                client.reply().error("ERR CLIENT PAUSE mode must be WRITE or ALL");
                return;
            }
        } else if (argv.length > 4) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        client.server().pause().pause(all, System.currentTimeMillis() + timeout);
        client.reply().ok();
    }

    private static void reply(Client client, byte[][] argv) {
        if (Args.is(argv[2], "ON")) {
            client.replyMode(Client.ReplyMode.ON);
            client.skipCurrentReply(false);
            client.reply().ok();
        } else if (Args.is(argv[2], "OFF")) {
            client.replyMode(Client.ReplyMode.OFF);
        } else if (Args.is(argv[2], "SKIP")) {
            if (!client.repliesOff()) client.skipNextReply(true);
        } else {
            client.reply().error(Errors.SYNTAX);
        }
    }

    private static void noEvict(Client client, byte[][] argv) {
        if (Args.is(argv[2], "ON")) client.noEvict(true);
        else if (Args.is(argv[2], "OFF")) client.noEvict(false);
        else {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        client.reply().ok();
    }

    private static void unblock(Client client, byte[][] argv) {
        // Redis checks the reason before it parses the client id
        boolean withError = false;
        if (argv.length == 4) {
            if (Args.is(argv[3], "ERROR")) withError = true;
            else if (!Args.is(argv[3], "TIMEOUT")) {
                client.reply().error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
                return;
            }
        }
        Long id = Args.parseLong(argv[2]);
        if (id == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        Client target = client.server().clients().get(id);
        boolean unblocked = target != null && client.server().blocked().unblock(target, withError);
        client.reply().integer(unblocked ? 1 : 0);
    }

    private static void help(Client client, byte[][] argv) {
        Help.reply(client, "CLIENT",
                "CACHING (YES|NO)",
                "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
                "GETREDIR",
                "    Return the client ID we are redirecting to when tracking is enabled.",
                "GETNAME",
                "    Return the name of the current connection.",
                "ID",
                "    Return the ID of the current connection.",
                "INFO",
                "    Return information about the current client connection.",
                "KILL <ip:port>",
                "    Kill connection made from <ip:port>.",
                "KILL <option> <value> [<option> <value> [...]]",
                "    Kill connections. Options are:",
                "    * ADDR (<ip:port>|<unixsocket>:0)",
                "      Kill connections made from the specified address",
                "    * LADDR (<ip:port>|<unixsocket>:0)",
                "      Kill connections made to specified local address",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                "      Kill connections by type.",
                "    * USER <username>",
                "      Kill connections authenticated by <username>.",
                "    * SKIPME (YES|NO)",
                "      Skip killing current connection (default: yes).",
                "LIST [options ...]",
                "    Return information about client connections. Options:",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                "      Return clients of specified type.",
                "UNPAUSE",
                "    Stop the current client pause, resuming traffic.",
                "PAUSE <timeout> [WRITE|ALL]",
                "    Suspend all, or just write, clients for <timeout> milliseconds.",
                "REPLY (ON|OFF|SKIP)",
                "    Control the replies sent to the current connection.",
                "SETNAME <name>",
                "    Assign the name <name> to the current connection.",
                "UNBLOCK <clientid> [TIMEOUT|ERROR]",
                "    Unblock the specified blocked client.",
                "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
                "         [OPTIN] [OPTOUT] [NOLOOP]",
                "    Control server assisted client side caching.",
                "TRACKINGINFO",
                "    Report tracking status for the current connection.",
                "NO-EVICT (ON|OFF)",
                "    Protect current client connection from eviction.");
    }
}
