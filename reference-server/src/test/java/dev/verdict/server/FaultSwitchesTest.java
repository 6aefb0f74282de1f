package dev.verdict.server;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test-only switch the gate's regression check is demonstrated with: off by default, read when a server starts. */
class FaultSwitchesTest {

    @Test
    void lrangeIsCorrectWithoutTheSwitch() {
        try (ServerFixture server = new ServerFixture()) {
            RespConnection c = server.connect();
            c.call("RPUSH", "l", "a", "b", "c");
            assertThat(c.call("LRANGE", "l", "0", "0")).isEqualTo("*1\r\n$1\r\na\r\n");
        }
    }

    @Test
    void lrangeOffByOneReturnsOneElementTooManyOnlyForAServerStartedWithTheSwitch() {
        ServerFixture faulty;
        synchronized (FaultSwitches.class) {
            System.setProperty(FaultSwitches.PROPERTY, FaultSwitches.LRANGE_OFF_BY_ONE);
            try {
                faulty = new ServerFixture();
            } finally {
                System.clearProperty(FaultSwitches.PROPERTY);
            }
        }
        try (faulty; ServerFixture healthy = new ServerFixture()) {
            RespConnection bad = faulty.connect();
            bad.call("RPUSH", "l", "a", "b", "c");
            assertThat(bad.call("LRANGE", "l", "0", "0")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
            assertThat(bad.call("LRANGE", "l", "0", "-1")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
            RespConnection good = healthy.connect();
            good.call("RPUSH", "l", "a", "b", "c");
            assertThat(good.call("LRANGE", "l", "0", "0")).isEqualTo("*1\r\n$1\r\na\r\n");
        }
    }

    @Test
    void getrangeOffByOneReturnsOneByteTooManyOnlyForAServerStartedWithTheSwitch() {
        ServerFixture faulty;
        synchronized (FaultSwitches.class) {
            System.setProperty(FaultSwitches.PROPERTY, FaultSwitches.GETRANGE_OFF_BY_ONE);
            try {
                faulty = new ServerFixture();
            } finally {
                System.clearProperty(FaultSwitches.PROPERTY);
            }
        }
        try (faulty; ServerFixture healthy = new ServerFixture()) {
            RespConnection bad = faulty.connect();
            bad.call("SET", "k", "abc");
            assertThat(bad.call("GETRANGE", "k", "0", "0")).isEqualTo("$2\r\nab\r\n");
            assertThat(bad.call("GETRANGE", "k", "0", "-1")).isEqualTo("$3\r\nabc\r\n");
            RespConnection good = healthy.connect();
            good.call("SET", "k", "abc");
            assertThat(good.call("GETRANGE", "k", "0", "0")).isEqualTo("$1\r\na\r\n");
        }
    }
}
