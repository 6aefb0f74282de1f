package dev.verdict.server.transaction;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Database;
import dev.verdict.server.type.string.StringValue;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** WATCH invalidation as Redis's touchWatchedKey / touchAllWatchedKeysInDb decide it. */
class WatchedKeysTest {

    private final ServerContext server = new ServerContext(ServerConfig.defaults());
    private final Database db0 = server.keyspace().db(0);
    private final Database db1 = server.keyspace().db(1);

    private Client client() {
        return server.connect(new EmbeddedChannel());
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writeToAWatchedKeyDirtiesOnlyItsWatchers() {
        Client watcher = client();
        Client bystander = client();
        server.watchedKeys().watch(watcher, db0, key("a"), 0);
        server.watchedKeys().watch(bystander, db0, key("b"), 0);
        db0.setKey(key("a"), StringValue.of(key("1")), false);
        assertThat(watcher.transaction().dirtyCas()).isTrue();
        assertThat(bystander.transaction().dirtyCas()).isFalse();
    }

    @Test
    void sameKeyInAnotherDatabaseDoesNotCount() {
        Client watcher = client();
        server.watchedKeys().watch(watcher, db0, key("a"), 0);
        db1.setKey(key("a"), StringValue.of(key("1")), false);
        assertThat(watcher.transaction().dirtyCas()).isFalse();
    }

    @Test
    void flushTouchesWatchersOfKeysThatExistedOnly() {
        Client ofExisting = client();
        Client ofMissing = client();
        db0.setKey(key("present"), StringValue.of(key("1")), false);
        server.watchedKeys().watch(ofExisting, db0, key("present"), 0);
        server.watchedKeys().watch(ofMissing, db0, key("absent"), 0);
        server.touchAllWatchedKeysInDb(db0, null);
        db0.clear();
        assertThat(ofExisting.transaction().dirtyCas()).isTrue();
        assertThat(ofMissing.transaction().dirtyCas()).isFalse();
    }

    @Test
    void swapdbTouchesKeysThatExistInTheIncomingDatabase() {
        Client watcher = client();
        db1.setKey(key("k"), StringValue.of(key("1")), false);
        server.watchedKeys().watch(watcher, db0, key("k"), 0);
        server.touchAllWatchedKeysInDb(db0, db1);
        assertThat(watcher.transaction().dirtyCas()).isTrue();
    }

    @Test
    void deletingAKeyThatWasAlreadyExpiredWhenWatchedIsNoChange() {
        Client watcher = client();
        db0.setKey(key("old"), StringValue.of(key("1")), false);
        db0.setExpire(key("old"), 1);
        server.watchedKeys().watch(watcher, db0, key("old"), System.currentTimeMillis());
        assertThat(db0.lookup(key("old"))).isNull();
        assertThat(watcher.transaction().dirtyCas()).isFalse();
    }

    @Test
    void unwatchAllForgetsTheClient() {
        Client watcher = client();
        server.watchedKeys().watch(watcher, db0, key("a"), 0);
        server.watchedKeys().unwatchAll(watcher);
        db0.setKey(key("a"), StringValue.of(key("1")), false);
        assertThat(watcher.transaction().dirtyCas()).isFalse();
        assertThat(watcher.transaction().watchedCount()).isZero();
    }
}
