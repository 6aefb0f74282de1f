package dev.verdict.server.pubsub;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.pubsub.PubSub.Kind;
import dev.verdict.server.resp.ReplyWriter;

import java.util.List;

/** SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, SSUBSCRIBE, SUNSUBSCRIBE, PUBLISH, SPUBLISH, PUBSUB. */
public final class PubSubCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("subscribe", (c, argv) -> subscribe(c, argv, Kind.CHANNEL));
        table.bind("psubscribe", (c, argv) -> subscribe(c, argv, Kind.PATTERN));
        table.bind("ssubscribe", (c, argv) -> subscribe(c, argv, Kind.SHARD));
        table.bind("unsubscribe", (c, argv) -> pubsub(c).unsubscribe(c, Kind.CHANNEL, argv, 1));
        table.bind("punsubscribe", (c, argv) -> pubsub(c).unsubscribe(c, Kind.PATTERN, argv, 1));
        table.bind("sunsubscribe", (c, argv) -> pubsub(c).unsubscribe(c, Kind.SHARD, argv, 1));
        table.bind("publish", (c, argv) -> c.reply().integer(pubsub(c).publish(argv[1], argv[2])));
        table.bind("spublish", (c, argv) -> c.reply().integer(pubsub(c).publishShard(argv[1], argv[2])));
        table.bind("pubsub|channels", (c, argv) -> channels(c, argv, false));
        table.bind("pubsub|shardchannels", (c, argv) -> channels(c, argv, true));
        table.bind("pubsub|numsub", (c, argv) -> numsub(c, argv, false));
        table.bind("pubsub|shardnumsub", (c, argv) -> numsub(c, argv, true));
        table.bind("pubsub|numpat", (c, argv) -> c.reply().integer(pubsub(c).patternCount()));
        table.bind("pubsub|help", PubSubCommands::help);
    }

    private static PubSub pubsub(Client client) {
        return client.server().pubsub();
    }

    private static void subscribe(Client client, byte[][] argv, Kind kind) {
        if (client.denyBlocking() && !client.transaction().inMulti()) {
            client.reply().error("ERR " + new String(argv[0]).toUpperCase(java.util.Locale.ROOT)
                    + " isn't allowed for a DENY BLOCKING client");
            return;
        }
        for (int i = 1; i < argv.length; i++) pubsub(client).subscribe(client, kind, argv[i]);
    }

    private static void channels(Client client, byte[][] argv, boolean shard) {
        List<byte[]> names = pubsub(client).activeChannels(shard, argv.length > 2 ? argv[2] : null);
        client.reply().arrayHeader(names.size());
        for (byte[] name : names) client.reply().bulk(name);
    }

    private static void numsub(Client client, byte[][] argv, boolean shard) {
        ReplyWriter reply = client.reply();
        reply.arrayHeader((argv.length - 2) * 2L);
        for (int i = 2; i < argv.length; i++) {
            reply.bulk(argv[i]);
            reply.integer(pubsub(client).subscriberCount(shard, argv[i]));
        }
    }

    private static void help(Client client, byte[][] argv) {
        dev.verdict.server.command.Help.reply(client, "PUBSUB",
            "CHANNELS [<pattern>]",
            "    Return the currently active channels matching a <pattern> (default: '*').",
            "NUMPAT",
            "    Return number of subscriptions to patterns.",
            "NUMSUB [<channel> ...]",
            "    Return the number of subscribers for the specified channels, excluding",
            "    pattern subscriptions(default: no channels).",
            "SHARDCHANNELS [<pattern>]",
            "    Return the currently active shard level channels matching a <pattern> (default: '*').",
            "SHARDNUMSUB [<shardchannel> ...]",
            "    Return the number of subscribers for the specified shard level channel(s)");
    }
}
