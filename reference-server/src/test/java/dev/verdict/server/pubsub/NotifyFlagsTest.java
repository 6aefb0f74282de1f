package dev.verdict.server.pubsub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyFlagsTest {

    @Test
    void allClassesCollapseToAAndKeyMissAndNewStaySeparate() {
        assertThat(NotifyFlags.format(NotifyFlags.parse("KEA"))).isEqualTo("AKE");
        assertThat(NotifyFlags.format(NotifyFlags.parse("Kgm$n"))).isEqualTo("g$nKm");
        assertThat(NotifyFlags.format(NotifyFlags.parse("g$lshzxetd"))).isEqualTo("A");
        assertThat(NotifyFlags.format(NotifyFlags.parse(""))).isEmpty();
    }

    @Test
    void unknownClassCharacterIsRejected() {
        assertThat(NotifyFlags.parse("KQ")).isEqualTo(-1);
    }
}
