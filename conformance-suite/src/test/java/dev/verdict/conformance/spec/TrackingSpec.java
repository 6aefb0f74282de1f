package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.ClientKind;
import dev.verdict.conformance.client.Protocol;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.support.caching.CacheAccessor;
import io.lettuce.core.support.caching.CacheFrontend;
import io.lettuce.core.support.caching.ClientSideCaching;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.verdict.conformance.spec.Replies.*;

/**
 * Client-side caching (CLIENT TRACKING): the replies and errors of the tracking commands, and the
 * exact invalidation frames, which only the raw client can read (a RESP3 push on the tracking
 * connection, or a {@code __redis__:invalidate} message on a RESP2 redirect target).
 */
@SpecSuite(family = "tracking")
class TrackingSpec {

    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration QUIET = Duration.ofMillis(300);

    private static String idOf(SpecConnection c) {
        return String.valueOf(((dev.verdict.conformance.client.RespValue.Integer) c.call("CLIENT", "ID").value()).value());
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void readKeyIsInvalidatedOnceWhenAnotherClientWritesIt(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON").is(ok());
        s.call("GET", "k").is(nil());
        SpecConnection writer = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        writer.call("SET", "k", "1").is(ok());
        s.read(WAIT).is(push("invalidate", array("k")));
        // the reader was forgotten with the first invalidation
        writer.call("SET", "k", "2").is(ok());
        if (!s.primary().silentFor(QUIET)) throw new AssertionError("a second invalidation arrived for an unread key");
        // a key read in another database is the same key to the table
        s.call("GET", "k").is(bulk("2"));
        writer.call("SELECT", "1").is(ok());
        writer.call("SET", "k", "x").is(ok());
        s.read(WAIT).is(push("invalidate", array("k")));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void ownWriteIsInvalidatedAfterItsReplyAndAfterExecAsAWhole(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON").is(ok());
        s.call("SET", "k", "1").is(ok());
        s.call("GET", "k").is(bulk("1"));
        s.call("INCR", "k").is(integer(2));
        s.read(WAIT).is(push("invalidate", array("k")));
        s.call("GET", "k").is(bulk("2"));
        s.call("MULTI").is(ok());
        s.call("GET", "k").is(queued());
        s.call("SET", "k", "3").is(queued());
        s.call("EXEC").is(array("2", ok()));
        s.read(WAIT).is(push("invalidate", array("k")));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void ownInvalidationIsPushedEvenWhenTheReplyIsSkipped(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON").is(ok());
        s.call("GET", "k").is(nil());
        s.primary().raw().send("CLIENT", "REPLY", "SKIP");
        s.primary().raw().send("SET", "k", "1");
        s.primary().raw().flush();
        s.read(WAIT).is(push("invalidate", array("k")));
        s.call("PING").is(simple("PONG"));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void noloopSkipsTheClientsOwnWrites(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON", "NOLOOP").is(ok());
        s.call("GET", "k").is(nil());
        s.call("SET", "k", "1").is(ok());
        if (!s.primary().silentFor(QUIET)) throw new AssertionError("NOLOOP client told of its own write");
        s.call("GET", "k").is(bulk("1"));
        s.newConnection(ClientKind.RAW, Protocol.RESP2).call("DEL", "k").is(integer(1));
        s.read(WAIT).is(push("invalidate", array("k")));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void flushSendsANullInvalidationToEveryTrackingClient(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON").is(ok());
        SpecConnection bcast = s.newConnection(ClientKind.RAW, Protocol.RESP3);
        bcast.call("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "zz").is(ok());
        s.newConnection(ClientKind.RAW, Protocol.RESP2).call("FLUSHALL").is(ok());
        s.read(WAIT).is(push("invalidate", nil()));
        bcast.read(WAIT).is(push("invalidate", nil()));
        s.call("FLUSHDB").is(ok());
        s.read(WAIT).is(push("invalidate", nil()));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void redirectToAResp2SubscriberDeliversMessagesOnTheInvalidateChannel(SpecSession s) {
        SpecConnection subscriber = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        String subscriberId = idOf(subscriber);
        subscriber.call("SUBSCRIBE", "__redis__:invalidate").is(array("subscribe", "__redis__:invalidate", 1));
        s.call("CLIENT", "TRACKING", "ON", "REDIRECT", subscriberId).is(ok());
        s.call("CLIENT", "GETREDIR").is(integer(Long.parseLong(subscriberId)));
        s.call("CLIENT", "INFO").is(textContaining(" redir=" + subscriberId + " "));
        s.call("GET", "k").is(nil());
        s.call("SET", "k", "v").is(ok());
        subscriber.read(WAIT).is(array("message", "__redis__:invalidate", array("k")));
        // the null is the tracking client's own protocol's: $-1 from a RESP2 client
        s.call("FLUSHALL").is(ok());
        subscriber.read(WAIT).is(array("message", "__redis__:invalidate", nil()));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void redirectToAClientThatWentAwayIsReportedAsBroken(SpecSession s) {
        SpecConnection target = s.newConnection(ClientKind.RAW, Protocol.RESP3);
        String targetId = idOf(target);
        s.call("CLIENT", "TRACKING", "ON", "REDIRECT", targetId).is(ok());
        s.call("GET", "k").is(nil());
        s.newConnection(ClientKind.RAW, Protocol.RESP2).call("SET", "k", "1").is(ok());
        target.read(WAIT).is(push("invalidate", array("k")));
        s.call("GET", "k").is(bulk("1"));
        s.call("CLIENT", "KILL", "ID", targetId).is(integer(1));
        s.call("SET", "k", "2").is(ok());
        s.read(WAIT).is(push("tracking-redir-broken", Long.parseLong(targetId)));
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("on", "broken_redirect"),
                "redirect", Long.parseLong(targetId), "prefixes", array()));
        s.call("CLIENT", "INFO").is(textContaining(" flags=tR "));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void bcastSendsTheModifiedKeysOfEachPrefixOncePerEventLoopTurn(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "u:", "PREFIX", "o:").is(ok());
        SpecConnection writer = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        writer.call("MSET", "u:2", "a", "u:1", "b", "o:1", "c", "other", "d").is(ok());
        // prefixes and keys in byte order, one push per prefix
        s.read(WAIT).is(push("invalidate", array("o:1")));
        s.read(WAIT).is(push("invalidate", array("u:1", "u:2")));
        writer.call("SET", "other", "e").is(ok());
        if (!s.primary().silentFor(QUIET)) throw new AssertionError("a key outside every prefix was broadcast");
        s.call("CLIENT", "INFO").is(textContaining(" flags=tB "));
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("on", "bcast"), "redirect", 0,
                "prefixes", array("o:", "u:")));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void bcastNoloopLeavesOutKeysTheClientChangedItself(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON", "BCAST", "NOLOOP").is(ok());
        s.call("SET", "mine", "1").is(ok());
        if (!s.primary().silentFor(QUIET)) throw new AssertionError("NOLOOP client told of its own write");
        s.newConnection(ClientKind.RAW, Protocol.RESP2).call("SET", "theirs", "1").is(ok());
        s.read(WAIT).is(push("invalidate", array("theirs")));
    }

    @SpecCase(value = "CLIENT CACHING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void optinTracksOnlyTheCommandAfterCachingYes(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON", "OPTIN").is(ok());
        SpecConnection writer = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        s.call("GET", "a").is(nil());
        s.call("CLIENT", "CACHING", "YES").is(ok());
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("on", "optin", "caching-yes"), "redirect", 0,
                "prefixes", array()));
        s.call("GET", "b").is(nil());
        s.call("GET", "c").is(nil());
        writer.call("MSET", "a", "1", "b", "1", "c", "1").is(ok());
        s.read(WAIT).is(push("invalidate", array("b")));
        if (!s.primary().silentFor(QUIET)) throw new AssertionError("OPTIN tracked a key read without CACHING YES");
    }

    @SpecCase(value = "CLIENT CACHING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void optoutSkipsOnlyTheCommandAfterCachingNo(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON", "OPTOUT").is(ok());
        SpecConnection writer = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        s.call("CLIENT", "CACHING", "NO").is(ok());
        s.call("GET", "a").is(nil());
        s.call("GET", "b").is(nil());
        writer.call("MSET", "a", "1", "b", "1").is(ok());
        s.read(WAIT).is(push("invalidate", array("b")));
        if (!s.primary().silentFor(QUIET)) throw new AssertionError("OPTOUT tracked a key read after CACHING NO");
    }

    @SpecCase("CLIENT TRACKING")
    void trackingOptionsAreCheckedInRedisOrder(SpecSession s) {
        s.call("CLIENT", "TRACKING", "MAYBE").is(syntaxError());
        s.call("CLIENT", "TRACKING", "ON", "FOO").is(syntaxError());
        s.call("CLIENT", "TRACKING", "ON", "REDIRECT").is(syntaxError());
        s.call("CLIENT", "TRACKING", "ON", "REDIRECT", "x").is(notAnInteger());
        s.call("CLIENT", "TRACKING", "ON", "REDIRECT", "987654").is(
                error("ERR The client ID you want redirect to does not exist"));
        s.call("CLIENT", "TRACKING", "ON", "PREFIX", "a").is(error("ERR PREFIX option requires BCAST mode to be enabled"));
        s.call("CLIENT", "TRACKING", "ON", "BCAST", "OPTIN").is(error("ERR OPTIN and OPTOUT are not compatible with BCAST"));
        s.call("CLIENT", "TRACKING", "ON", "OPTIN", "OPTOUT").is(error("ERR You can't specify both OPTIN mode and OPTOUT mode"));
        s.call("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "x", "PREFIX", "xy").is(error(
                "ERR Prefix 'x' overlaps with another provided prefix 'xy'. Prefixes for a single client must not overlap."));
        s.call("CLIENT", "CACHING", "YES").is(error("ERR CLIENT CACHING can be called only when the client is in tracking "
                + "mode with OPTIN or OPTOUT mode enabled"));
        s.call("CLIENT", "GETREDIR").is(integer(-1));
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("off"), "redirect", -1, "prefixes", array()));
        s.call("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "a").is(ok());
        s.call("CLIENT", "TRACKING", "ON").is(error("ERR You can't switch BCAST mode on/off before disabling tracking for "
                + "this client, and then re-enabling it with a different mode."));
        s.call("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "abc").is(error(
                "ERR Prefix 'abc' overlaps with an existing prefix 'a'. Prefixes for a single client must not overlap."));
        s.call("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "b").is(ok());
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("on", "bcast"), "redirect", 0, "prefixes", array("a", "b")));
        s.call("CLIENT", "TRACKING", "OFF").is(ok());
        s.call("CLIENT", "TRACKING", "ON", "OPTIN").is(ok());
        s.call("CLIENT", "TRACKING", "ON", "OPTOUT").is(error("ERR You can't switch OPTIN/OPTOUT mode before disabling "
                + "tracking for this client, and then re-enabling it with a different mode."));
        s.call("CLIENT", "CACHING", "NO").is(error("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode."));
        s.call("CLIENT", "CACHING", "MAYBE").is(syntaxError());
        s.call("CLIENT", "GETREDIR").is(integer(0));
        s.call("CLIENT", "TRACKING", "OFF").is(ok());
        s.call("CLIENT", "TRACKING", "ON", "OPTOUT", "NOLOOP").is(ok());
        s.call("CLIENT", "CACHING", "YES").is(error("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode."));
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("on", "optout", "noloop"), "redirect", 0, "prefixes", array()));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void anOverlapAfterTheFirstGivenPrefixIsReportedAndTrackingStillTurnsOn(SpecSession s) {
        // Redis's checkPrefixCollisionsOrReply returns the loop index, so only index 0 stops the command
        var replies = s.primary().rawPipeline(java.util.List.of(
                new byte[][] {b("CLIENT"), b("TRACKING"), b("ON"), b("BCAST"), b("PREFIX"), b("e"), b("PREFIX"), b("f"),
                    b("PREFIX"), b("fg")},
                new byte[][] {b("CLIENT"), b("GETREDIR")}));
        String first = new String(replies.get(0).raw(), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!first.equals("-ERR Prefix 'f' overlaps with another provided prefix 'fg'. Prefixes for a single client must "
                + "not overlap.\r\n")) {
            throw new AssertionError("first reply was " + first);
        }
        String second = new String(replies.get(1).raw(), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!second.equals("+OK\r\n")) throw new AssertionError("second reply was " + second);
        s.read(WAIT).is(integer(0));
        s.call("CLIENT", "TRACKINGINFO").is(map("flags", set("on", "bcast"), "redirect", 0,
                "prefixes", array("e", "f", "fg")));
    }

    @SpecCase(value = "RESET", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void resetAndClientListFollowTracking(SpecSession s) {
        s.call("CLIENT", "TRACKING", "ON").is(ok());
        s.call("GET", "k").is(nil());
        s.call("CLIENT", "INFO").is(textContaining(" flags=t db=0 "));
        s.call("CLIENT", "INFO").is(textContaining(" redir=0 "));
        s.call("RESET").is(simple("RESET"));
        s.call("CLIENT", "GETREDIR").is(integer(-1));
        s.call("CLIENT", "TRACKINGINFO").is(array("flags", array("off"), "redirect", -1, "prefixes", array()));
    }

    @SpecCase(value = "CLIENT TRACKING", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void lettuceClientSideCacheDropsAValueAnotherClientChanged(SpecSession s) throws Exception {
        s.call("SET", "cached", "v1").is(ok());
        RedisClient client = RedisClient.create(RedisURI.create(s.target().host(), s.target().port()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            Map<String, String> cache = new ConcurrentHashMap<>();
            CacheFrontend<String, String> frontend = ClientSideCaching.enable(CacheAccessor.forMap(cache), connection,
                    TrackingArgs.Builder.enabled());
            if (!"v1".equals(frontend.get("cached"))) throw new AssertionError("first read missed the value");
            if (!"v1".equals(cache.get("cached"))) throw new AssertionError("the value was not cached");
            s.newConnection(ClientKind.RAW, Protocol.RESP2).call("SET", "cached", "v2").is(ok());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (cache.containsKey("cached") && System.nanoTime() < deadline) Thread.sleep(10);
            if (cache.containsKey("cached")) throw new AssertionError("the invalidation never reached Lettuce's cache");
            if (!"v2".equals(frontend.get("cached"))) throw new AssertionError("the new value was not read");
            frontend.close();
        } finally {
            client.shutdown();
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
