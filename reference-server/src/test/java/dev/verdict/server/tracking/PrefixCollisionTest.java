package dev.verdict.server.tracking;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixCollisionTest {

    private static List<byte[]> prefixes(String... p) {
        return Arrays.stream(p).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void disjointPrefixesDoNotCollide() {
        assertThat(Tracking.prefixCollision(null, prefixes("a", "b", "cd"))).isNull();
    }

    @Test
    void anEmptyPrefixOverlapsEveryOther() {
        Tracking.Collision c = Tracking.prefixCollision(null, prefixes("d", ""));
        assertThat(c.message()).isEqualTo("Prefix 'd' overlaps with another provided prefix ''. "
                + "Prefixes for a single client must not overlap.");
        assertThat(c.stops()).isTrue();
    }

    @Test
    void aCollisionFoundAfterTheFirstPrefixDoesNotStopTheCommandAsInRedis() {
        Tracking.Collision c = Tracking.prefixCollision(null, prefixes("e", "f", "fg"));
        assertThat(c.message()).startsWith("Prefix 'f' overlaps with another provided prefix 'fg'.");
        assertThat(c.stops()).isFalse();
    }

    @Test
    void aNewPrefixInsideARegisteredOneCollides() {
        ClientTracking t = new ClientTracking();
        t.prefixes = ClientTracking.newPrefixSet();
        t.prefixes.add("a".getBytes(StandardCharsets.UTF_8));
        Tracking.Collision c = Tracking.prefixCollision(t, prefixes("abc"));
        assertThat(c.message()).isEqualTo("Prefix 'abc' overlaps with an existing prefix 'a'. "
                + "Prefixes for a single client must not overlap.");
        assertThat(c.stops()).isTrue();
    }
}
