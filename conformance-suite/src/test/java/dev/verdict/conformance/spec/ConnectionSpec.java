package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.ClientKind;
import dev.verdict.conformance.client.Protocol;
import dev.verdict.conformance.client.RespConnection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.verdict.conformance.client.RespValues.args;
import static dev.verdict.conformance.spec.Replies.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection commands: PING/ECHO/SELECT/HELLO/AUTH/RESET/CLIENT/QUIT, the unknown-command reply
 * and protocol-level behaviour (inline commands, protocol errors) that only the raw client can show.
 */
@SpecSuite(family = "connection")
class ConnectionSpec {

    @SpecCase("PING")
    void pingWithAndWithoutMessage(SpecSession s) {
        s.call("PING").is(simple("PONG"));
        s.call("PING", "hello").is(bulk("hello"));
        s.call("PING", "a", "b").is(wrongArity("ping"));
    }

    @SpecCase("ECHO")
    void echoReturnsItsArgument(SpecSession s) {
        s.call("ECHO", "hi there").is(bulk("hi there"));
        s.call("ECHO", "").is(bulk(""));
        s.call("ECHO").is(wrongArity("echo"));
    }

    @SpecCase("SELECT")
    void selectSwitchesDatabaseWithinRange(SpecSession s) {
        s.call("SET", "k", "db0").is(ok());
        s.call("SELECT", "15").is(ok());
        s.call("GET", "k").is(nil());
        s.call("SELECT", "16").is(error("ERR DB index is out of range"));
        s.call("SELECT", "-1").is(error("ERR DB index is out of range"));
        s.call("SELECT", "x").is(notAnInteger());
        s.call("SELECT", "0").is(ok());
        s.call("GET", "k").is(bulk("db0"));
    }

    @SpecCase("HELLO")
    void helloDescribesTheServerInTheCurrentProtocol(SpecSession s) {
        s.call("HELLO").is(map("server", "redis", "version", anyBulk(), "proto", integer(s.protocol().version()),
                "id", anyInteger(), "mode", "standalone", "role", "master", "modules", emptyArray()));
        s.call("HELLO", "4").is(error("NOPROTO unsupported protocol version"));
        s.call("HELLO", "x").is(error("ERR Protocol version is not an integer or out of range"));
    }

    @SpecCase(value = "HELLO", clients = ClientKind.RAW)
    void helloSwitchesProtocolAndSetsName(SpecSession s) {
        int other = s.protocol() == Protocol.RESP2 ? 3 : 2;
        s.call("HELLO", Integer.toString(other), "SETNAME", "spec-client").is(anything());
        assertThat(s.rawCall("GET", "missing").rawText()).isEqualTo(other == 3 ? "_\r\n" : "$-1\r\n");
        assertThat(s.rawCall("CLIENT", "GETNAME").rawText()).isEqualTo("$11\r\nspec-client\r\n");
    }

    @SpecCase("AUTH")
    void authWithoutConfiguredPasswordIsAnError(SpecSession s) {
        s.call("AUTH", "secret").is(error("ERR AUTH <password> called without any password configured for the default user. "
                + "Are you sure your configuration is correct?"));
        s.call("AUTH", "someone", "secret").is(error("WRONGPASS invalid username-password pair or user is disabled."));
        s.call("AUTH").is(wrongArity("auth"));
    }

    @SpecCase(value = "RESET", clients = ClientKind.RAW)
    void resetRestoresDefaults(SpecSession s) {
        s.call("SELECT", "3").is(ok());
        s.call("CLIENT", "SETNAME", "x").is(ok());
        s.call("MULTI").is(ok());
        assertThat(s.rawCall("RESET").rawText()).isEqualTo("+RESET\r\n");
        assertThat(s.rawCall("CLIENT", "GETNAME").rawText()).isEqualTo("$-1\r\n");
        assertThat(s.rawCall("SET", "k", "v").rawText()).isEqualTo("+OK\r\n");
        assertThat(s.rawCall("SELECT", "3").rawText()).isEqualTo("+OK\r\n");
        assertThat(s.rawCall("EXISTS", "k").rawText()).isEqualTo(":0\r\n");
    }

    @SpecCase("CLIENT")
    void clientNameIdAndInfo(SpecSession s) {
        s.call("CLIENT", "GETNAME").is(nil());
        s.call("CLIENT", "SETNAME", "spec").is(ok());
        s.call("CLIENT", "GETNAME").is(bulk("spec"));
        s.call("CLIENT", "SETNAME", "has space").is(
                error("ERR Client names cannot contain spaces, newlines or special characters."));
        long id = s.call("CLIENT", "ID").integer();
        s.call("CLIENT", "INFO").is(textContaining("id=" + id + " "));
        s.call("CLIENT", "INFO").is(textContaining(" name=spec "));
        // cmd= is the command being looked up, so CLIENT INFO shows itself
        s.call("CLIENT", "INFO").is(textContaining(" cmd=client|info "));
        s.call("CLIENT", "LIST", "ID", Long.toString(id)).is(textContaining("id=" + id + " "));
        s.call("CLIENT", "LIST", "ID", Long.toString(id)).is(textContaining(" cmd=client|list "));
        s.call("CLIENT", "NOPE").is(error("ERR unknown subcommand 'NOPE'. Try CLIENT HELP."));
    }

    @SpecCase("CLIENT")
    void clientKillById(SpecSession s) {
        SpecConnection victim = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        long id = victim.call("CLIENT", "ID").integer();
        s.call("CLIENT", "KILL", "ID", Long.toString(id)).is(integer(1));
        s.call("CLIENT", "KILL", "ID", Long.toString(id)).is(integer(0));
        assertThat(victim.raw().isClosedByServer(Duration.ofSeconds(2))).isTrue();
    }

    @SpecCase("UNKNOWN")
    void unknownCommandsAnswerRedisExactError(SpecSession s) {
        s.probe("NOSUCHCOMMAND", "a", "b").is(error("ERR unknown command 'NOSUCHCOMMAND', with args beginning with: 'a' 'b' "));
        s.probe("NOSUCHCOMMAND").is(error("ERR unknown command 'NOSUCHCOMMAND', with args beginning with: "));
    }

    @SpecCase(value = "QUIT", clients = ClientKind.RAW)
    void quitRepliesOkAndCloses(SpecSession s) {
        assertThat(s.rawCall("QUIT").rawText()).isEqualTo("+OK\r\n");
        assertThat(s.raw().isClosedByServer(Duration.ofSeconds(2))).isTrue();
    }

    @SpecCase(value = "INLINE", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void inlineCommandsAreParsedWithQuotes(SpecSession s) {
        s.ensureClean();
        RespConnection raw = s.raw();
        raw.sendInline("SET k \"hello world\"");
        raw.sendInline("GET k");
        raw.sendInline("PING");
        raw.flush();
        assertThat(s.primary().rawRead().rawText()).isEqualTo("+OK\r\n");
        assertThat(s.primary().rawRead().rawText()).isEqualTo("$11\r\nhello world\r\n");
        assertThat(s.primary().rawRead().rawText()).isEqualTo("+PONG\r\n");
        raw.sendInline("SET k \"unbalanced");
        raw.flush();
        assertThat(s.primary().rawRead().rawText()).isEqualTo("-ERR Protocol error: unbalanced quotes in request\r\n");
        assertThat(raw.isClosedByServer(Duration.ofSeconds(2))).isTrue();
    }

    @SpecCase(value = "PROTOCOL", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void invalidBulkLengthIsAProtocolErrorThatClosesTheConnection(SpecSession s) {
        s.ensureClean();
        RespConnection raw = s.raw();
        raw.sendRaw("*1\r\n$abc\r\n".getBytes(StandardCharsets.US_ASCII));
        raw.flush();
        assertThat(raw.read().rawText()).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
        assertThat(raw.isClosedByServer(Duration.ofSeconds(2))).isTrue();
    }

    @SpecCase(value = "PROTOCOL", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void pipelinedCommandsAreAnsweredInOrder(SpecSession s) {
        var replies = s.primary().rawPipeline(List.of(args("SET", "a", "1"), args("INCR", "a"), args("GET", "a"),
                args("GET")));
        assertThat(replies).extracting(r -> r.rawText()).containsExactly("+OK\r\n", ":2\r\n", "$1\r\n2\r\n",
                "-ERR wrong number of arguments for 'get' command\r\n");
    }

    @SpecCase(value = "CLIENT REPLY", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void clientReplySkipAndOffSilenceReplies(SpecSession s) {
        s.ensureClean();
        RespConnection raw = s.raw();
        raw.send("CLIENT", "REPLY", "SKIP");
        raw.send("PING");
        raw.send("PING", "after-skip");
        raw.send("CLIENT", "REPLY", "OFF");
        raw.send("PING");
        raw.send("CLIENT", "REPLY", "ON");
        raw.send("PING");
        raw.flush();
        assertThat(s.primary().rawRead().rawText()).isEqualTo("$10\r\nafter-skip\r\n");
        assertThat(s.primary().rawRead().rawText()).isEqualTo("+OK\r\n");
        assertThat(s.primary().rawRead().rawText()).isEqualTo("+PONG\r\n");
    }

    @SpecCase("CLIENT NO-EVICT")
    void clientNoEvictTakesOnOrOff(SpecSession s) {
        s.call("CLIENT", "NO-EVICT", "on").is(ok());
        s.call("CLIENT", "NO-EVICT", "off").is(ok());
        s.call("CLIENT", "NO-EVICT", "maybe").is(syntaxError());
    }

    @SpecCase("CLIENT TRACKING")
    void clientTrackingInfo(SpecSession s) {
        s.call("CLIENT", "GETREDIR").is(integer(-1));
        s.call("CLIENT", "TRACKING", "on").is(ok());
        s.call("CLIENT", "GETREDIR").is(integer(0));
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("on"), "redirect", 0, "prefixes", emptyArray()));
        s.call("CLIENT", "TRACKING", "off").is(ok());
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("off"), "redirect", -1, "prefixes", emptyArray()));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void trackedKeyChangedByAnotherClientSendsAnInvalidationPush(SpecSession s) {
        s.call("SET", "k", "v").is(ok());
        s.call("CLIENT", "TRACKING", "on").is(ok());
        s.call("GET", "k").is(bulk("v"));
        s.newConnection(ClientKind.RAW, Protocol.RESP2).call("SET", "k", "w").is(ok());
        s.read(Duration.ofSeconds(2)).is(push("invalidate", array("k")));
    }

    @SpecCase(value = "PROTOCOL", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void malformedRequestsAnswerRedisProtocolErrorsAndClose(SpecSession s) {
        String[][] cases = {
                {"*1\r\n+PING\r\n", "-ERR Protocol error: expected '$', got '+'\r\n"},
                {"*1\r\n$536870913\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
                {"*3000000000\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
                // counts and lengths are read by string2ll: no leading zero, no -0, no sign but minus
                {"*01\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
                {"*-0\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
                {"*1\r\n$04\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
                {"*1\r\n$+4\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
                {"*1\r\n$-0\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
                {"*1\r\n$9223372036854775808\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
        };
        for (String[] c : cases) {
            SpecConnection conn = s.newConnection(ClientKind.RAW, Protocol.RESP2);
            conn.raw().sendRaw(c[0].getBytes(StandardCharsets.US_ASCII));
            conn.raw().flush();
            assertThat(conn.rawRead().rawText()).as(c[0]).isEqualTo(c[1]);
            assertThat(conn.raw().isClosedByServer(Duration.ofSeconds(2))).as(c[0]).isTrue();
        }
    }

    @SpecCase(value = "PROTOCOL", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void emptyAndNegativeMultibulksAndBlankLinesAreIgnored(SpecSession s) {
        s.ensureClean();
        RespConnection raw = s.raw();
        raw.sendRaw("*0\r\n*-5\r\n\r\n\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
        raw.flush();
        assertThat(s.primary().rawRead().rawText()).isEqualTo("+PONG\r\n");
        assertThat(raw.poll(Duration.ofMillis(100))).isEmpty();
    }

    @SpecCase(value = "PROTOCOL", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void theTwoBytesAfterABulkAreSkippedUnchecked(SpecSession s) {
        s.ensureClean();
        RespConnection raw = s.raw();
        raw.sendRaw("*1\r\n$4\r\nPINGxx\r\n".getBytes(StandardCharsets.US_ASCII));
        raw.flush();
        assertThat(s.primary().rawRead().rawText()).isEqualTo("+PONG\r\n");
        assertThat(s.rawCall("ECHO", "still-in-sync").rawText()).isEqualTo("$13\r\nstill-in-sync\r\n");
    }
}
