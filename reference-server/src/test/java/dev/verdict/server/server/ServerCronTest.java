package dev.verdict.server.server;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCronTest {

    @Test
    void idleClientIsClosedAfterTimeoutButSubscriberIsNot() throws InterruptedException {
        try (ServerFixture server = new ServerFixture("--timeout", "1", "--hz", "50")) {
            RespConnection idle = server.connect();
            RespConnection subscriber = server.connect();
            idle.call("PING");
            subscriber.call("SUBSCRIBE", "ch");
            Thread.sleep(2300);
            assertThat(idle.closedByServer()).isTrue();
            assertThat(subscriber.call("PING")).isEqualTo("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
        }
    }

    @Test
    void instantaneousOpsAreSampledByTheCron() throws InterruptedException {
        try (ServerFixture server = new ServerFixture("--hz", "100")) {
            RespConnection c = server.connect();
            for (int i = 0; i < 2000; i++) c.send("PING");
            for (int i = 0; i < 2000; i++) c.read();
            String stats = "";
            // sampled every 100 ms by the cron; on a loaded machine give it a few samples
            for (int i = 0; i < 30 && !stats.matches("(?s).*instantaneous_ops_per_sec:[1-9].*"); i++) {
                Thread.sleep(100);
                stats = c.call("INFO", "stats");
            }
            assertThat(stats).containsPattern("instantaneous_ops_per_sec:[1-9]\\d*\r\n");
        }
    }
}
