package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.ClientKind;
import dev.verdict.conformance.client.Protocol;

import java.time.Duration;

import static dev.verdict.conformance.spec.Replies.*;

/**
 * Pub/sub with a subscriber and a publisher connection. Reading unsolicited messages needs the
 * raw client; PUBLISH and PUBSUB introspection run through every client.
 */
@SpecSuite(family = "pubsub")
class PubSubSpec {

    private static final Duration WAIT = Duration.ofSeconds(2);

    @SpecCase(value = "SUBSCRIBE", clients = ClientKind.RAW)
    void subscriberReceivesPublishedMessages(SpecSession s) {
        s.call("SUBSCRIBE", "ch1", "ch2").is(push("subscribe", "ch1", 1));
        s.read(WAIT).is(push("subscribe", "ch2", 2));
        SpecConnection publisher = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        publisher.call("PUBLISH", "ch1", "hello").is(integer(1));
        s.read(WAIT).is(push("message", "ch1", "hello"));
        publisher.call("PUBLISH", "nobody", "x").is(integer(0));
        s.call("UNSUBSCRIBE", "ch1").is(push("unsubscribe", "ch1", 1));
        publisher.call("PUBLISH", "ch1", "gone").is(integer(0));
    }

    @SpecCase(value = "PSUBSCRIBE", clients = ClientKind.RAW)
    void patternSubscriberReceivesPmessages(SpecSession s) {
        s.call("PSUBSCRIBE", "news.*").is(push("psubscribe", "news.*", 1));
        SpecConnection publisher = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        publisher.call("PUBLISH", "news.tech", "hi").is(integer(1));
        s.read(WAIT).is(push("pmessage", "news.*", "news.tech", "hi"));
        s.call("PUNSUBSCRIBE").is(push("punsubscribe", "news.*", 0));
    }

    @SpecCase(value = "UNSUBSCRIBE", clients = ClientKind.RAW)
    void unsubscribeWithoutSubscriptionsAnswersWithNullChannel(SpecSession s) {
        s.call("UNSUBSCRIBE").is(push("unsubscribe", null, 0));
        s.call("PUNSUBSCRIBE").is(push("punsubscribe", null, 0));
    }

    @SpecCase(value = "SUBSCRIBE", clients = ClientKind.RAW, protocols = Protocol.RESP2)
    void resp2SubscribedContextOnlyAllowsPubSubCommands(SpecSession s) {
        s.call("SUBSCRIBE", "ch").is(push("subscribe", "ch", 1));
        s.call("GET", "k").is(error("ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET "
                + "are allowed in this context"));
        s.call("PING").is(array("pong", ""));
        s.call("PING", "x").is(array("pong", "x"));
    }

    @SpecCase(value = "SUBSCRIBE", clients = ClientKind.RAW, protocols = Protocol.RESP3)
    void resp3SubscribedConnectionStillRunsCommands(SpecSession s) {
        s.call("SUBSCRIBE", "ch").is(push("subscribe", "ch", 1));
        s.call("SET", "k", "v").is(ok());
        s.call("GET", "k").is(bulk("v"));
        s.call("PING").is(simple("PONG"));
    }

    @SpecCase("PUBLISH")
    void publishCountsReceivers(SpecSession s) {
        s.call("PUBLISH", "ch", "x").is(integer(0));
        SpecConnection sub = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        sub.call("SUBSCRIBE", "ch").is(array("subscribe", "ch", 1));
        SpecConnection psub = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        psub.call("PSUBSCRIBE", "c*").is(array("psubscribe", "c*", 1));
        s.call("PUBLISH", "ch", "x").is(integer(2));
    }

    @SpecCase("PUBSUB")
    void pubsubIntrospection(SpecSession s) {
        SpecConnection sub = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        sub.call("SUBSCRIBE", "spec-news", "spec-sport").is(array("subscribe", "spec-news", 1));
        sub.read(WAIT).is(array("subscribe", "spec-sport", 2));
        sub.call("PSUBSCRIBE", "spec-*").is(array("psubscribe", "spec-*", 3));
        s.call("PUBSUB", "CHANNELS", "spec-*").is(unordered("spec-news", "spec-sport"));
        s.call("PUBSUB", "NUMSUB", "spec-news", "none").is(array("spec-news", 1, "none", 0));
        s.call("PUBSUB", "NUMPAT").is(integer(1));
        s.call("PUBSUB", "NOPE").is(error("ERR unknown subcommand 'NOPE'. Try PUBSUB HELP."));
    }

    @SpecCase(value = "SSUBSCRIBE", clients = ClientKind.RAW)
    void shardedPubSub(SpecSession s) {
        s.call("SSUBSCRIBE", "sch").is(push("ssubscribe", "sch", 1));
        SpecConnection publisher = s.newConnection(ClientKind.RAW, Protocol.RESP2);
        publisher.call("SPUBLISH", "sch", "hi").is(integer(1));
        s.read(WAIT).is(push("smessage", "sch", "hi"));
        publisher.call("PUBSUB", "SHARDCHANNELS").is(array("sch"));
        publisher.call("PUBSUB", "SHARDNUMSUB", "sch").is(array("sch", 1));
        s.call("SUNSUBSCRIBE", "sch").is(push("sunsubscribe", "sch", 0));
    }
}
