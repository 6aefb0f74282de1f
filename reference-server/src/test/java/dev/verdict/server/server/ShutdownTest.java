package dev.verdict.server.server;

import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownTest {

    @Test
    void shutdownClosesEveryConnectionAndStopsTheServer() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            RespConnection bystander = server.connect();
            RespConnection admin = server.connect();
            bystander.call("PING");
            assertThat(admin.call("SHUTDOWN", "ABORT")).isEqualTo("-ERR No shutdown in progress.\r\n");
            admin.send("SHUTDOWN", "NOSAVE");
            assertThat(admin.closedByServer()).isTrue();
            assertThat(bystander.closedByServer()).isTrue();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
                try {
                    server.server().awaitClosed();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            closed.get(10, TimeUnit.SECONDS);
        }
    }
}
