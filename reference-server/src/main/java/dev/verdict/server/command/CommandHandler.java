package dev.verdict.server.command;

import dev.verdict.server.client.Client;

/** A command's body. The dispatcher has already checked arity, auth and MULTI queuing. */
@FunctionalInterface
public interface CommandHandler {
    void execute(Client client, byte[][] argv);
}
