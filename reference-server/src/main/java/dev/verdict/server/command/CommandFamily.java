package dev.verdict.server.command;

/** A group of commands (one data type, connection, server...) that binds its handlers by name. */
public interface CommandFamily {
    void register(CommandTable table);
}
