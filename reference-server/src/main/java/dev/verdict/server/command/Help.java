package dev.verdict.server.command;

import dev.verdict.server.client.Client;

/** The reply of {@code <COMMAND> HELP} (Redis's addReplyHelp): a header, the lines, and HELP itself. */
public final class Help {

    private Help() {
    }

    public static void reply(Client client, String command, String... lines) {
        client.reply().arrayHeader(lines.length + 3L);
        client.reply().status(command + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String line : lines) client.reply().status(line);
        client.reply().status("HELP");
        client.reply().status("    Prints this help.");
    }
}
