package dev.verdict.server.command;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandCommandTest {

    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void countIsTheNumberOfImplementedCommands() {
        RespConnection c = server.connect();
        String count = c.call("COMMAND", "COUNT");
        String all = c.call("COMMAND");
        assertThat(all).startsWith("*" + count.substring(1, count.length() - 2) + "\r\n");
        assertThat(c.call("COMMAND", "INFO", "nosuchcommand")).isEqualTo("*1\r\n$-1\r\n");
    }

    @Test
    void infoIsTheOracleEntryAndDegradesSetsToArraysInResp2() {
        RespConnection c = server.connect();
        assertThat(c.call("COMMAND", "INFO", "get")).isEqualTo("*1\r\n*10\r\n$3\r\nget\r\n:2\r\n*2\r\n+readonly\r\n"
                + "+fast\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@read\r\n+@string\r\n+@fast\r\n*0\r\n*1\r\n*6\r\n$5\r\nflags\r\n"
                + "*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n"
                + "*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n"
                + "*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n");
    }

    @Test
    void getKeysUsesTheKeySpecs() {
        RespConnection c = server.connect();
        assertThat(c.call("COMMAND", "GETKEYS", "set", "a", "b")).isEqualTo("*1\r\n$1\r\na\r\n");
        assertThat(c.call("COMMAND", "GETKEYSANDFLAGS", "set", "a", "b"))
                .isEqualTo("*1\r\n*2\r\n$1\r\na\r\n*2\r\n+OW\r\n+update\r\n");
        assertThat(c.call("COMMAND", "GETKEYS", "set", "a"))
                .isEqualTo("-ERR Invalid number of arguments specified for command\r\n");
        assertThat(c.call("COMMAND", "GETKEYS", "ping", "x")).isEqualTo("-ERR The command has no key arguments\r\n");
        assertThat(c.call("COMMAND", "GETKEYS", "nosuch", "x")).isEqualTo("-ERR Invalid command specified\r\n");
        assertThat(c.call("COMMAND", "GETKEYS", "zunionstore", "dst", "2", "a", "b"))
                .isEqualTo("*3\r\n$3\r\ndst\r\n$1\r\na\r\n$1\r\nb\r\n");
        assertThat(c.call("COMMAND", "GETKEYS", "zunionstore", "d", "x", "a"))
                .isEqualTo("-ERR Invalid arguments specified for command\r\n");
    }

    @Test
    void listFiltersByPatternOverCommandsAndSubcommands() {
        RespConnection c = server.connect();
        String listed = c.call("COMMAND", "LIST", "FILTERBY", "PATTERN", "config*");
        assertThat(listed).startsWith("*6\r\n").contains("$10\r\nconfig|get\r\n").contains("$6\r\nconfig\r\n");
        assertThat(c.call("COMMAND", "LIST", "FILTERBY", "foo", "x")).isEqualTo("-ERR syntax error\r\n");
    }
}
