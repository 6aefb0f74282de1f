package dev.verdict.server.replication.replica;

import dev.verdict.server.persistence.RealRedis;
import dev.verdict.server.testing.RespConnection;
import dev.verdict.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.verdict.server.replication.replica.SyncWait.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A scripted master that records what a replica says: ours must say what a real Redis 7.0.15
 * replica says, retry after an error reply, and give up on a master that goes silent.
 */
class HandshakeBytesTest {

    /** Reads one multibulk command as its arguments. */
    private static List<String> command(InputStream in) throws IOException {
        String header = line(in);
        assertThat(header).startsWith("*");
        int n = Integer.parseInt(header.substring(1));
        List<String> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = Integer.parseInt(line(in).substring(1));
            args.add(new String(in.readNBytes(len), StandardCharsets.UTF_8));
            in.readNBytes(2);
        }
        return args;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new IOException("closed");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** What a replica sends a master that answers PING and the handshake, up to its PSYNC, which is refused. */
    private static List<List<String>> handshake(ServerSocket fakeMaster, RespConnection replica) throws IOException {
        replica.call("CONFIG", "SET", "masterauth", "secret");
        replica.call("REPLICAOF", "127.0.0.1", Integer.toString(fakeMaster.getLocalPort()));
        List<List<String>> said = new ArrayList<>();
        try (Socket s = fakeMaster.accept()) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            said.add(command(in));
            s.getOutputStream().write("+PONG\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 3; i++) {
                said.add(command(in));
                s.getOutputStream().write("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            said.add(command(in));
            s.getOutputStream().write("-ERR not today\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        replica.call("REPLICAOF", "NO", "ONE");
        return said;
    }

    @Test
    void ourHandshakeSaysWhatARealReplicaSays(@TempDir Path realDir, @TempDir Path ourDir) throws Exception {
        assumeTrue(RealRedis.available(), "redis-server is not installed");
        // one scripted master each: a replica retrying late must not land in the other's handshake
        try (ServerSocket fakeMaster = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             ServerSocket ourFakeMaster = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             RealRedis realReplica = new RealRedis(realDir); RespConnection real = new RespConnection(realReplica.port());
             ServerFixture ours = new ServerFixture("--dir", ourDir.toString())) {
            RespConnection our = ours.connect();
            String realId = info(real).get("master_replid");
            String ourId = info(our).get("master_replid");
            List<List<String>> realSaid = handshake(fakeMaster, real);
            List<List<String>> ourSaid = handshake(ourFakeMaster, our);
            assertThat(realSaid.get(4)).isEqualTo(List.of("PSYNC", realId, "1"));
            assertThat(ourSaid.get(4)).isEqualTo(List.of("PSYNC", ourId, "1"));
            assertThat(realSaid.get(2)).isEqualTo(List.of("REPLCONF", "listening-port", Integer.toString(realReplica.port())));
            assertThat(ourSaid.get(2)).isEqualTo(List.of("REPLCONF", "listening-port", Integer.toString(ours.port())));
            // the rest, word for word
            for (int i : new int[] {0, 1, 3}) assertThat(ourSaid.get(i)).isEqualTo(realSaid.get(i));
            assertThat(ourSaid.get(1)).isEqualTo(List.of("AUTH", "secret"));
        }
    }

    @Test
    void refusedPsyncIsRetriedAndASilentMasterTimesOut(@TempDir Path dir) throws Exception {
        try (ServerSocket fakeMaster = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             ServerFixture ours = new ServerFixture("--dir", dir.toString(), "--repl-timeout", "1")) {
            RespConnection our = ours.connect();
            our.call("REPLICAOF", "127.0.0.1", Integer.toString(fakeMaster.getLocalPort()));
            fakeMaster.setSoTimeout(5000);
            try (Socket first = fakeMaster.accept()) {
                InputStream in = first.getInputStream();
                assertThat(command(in)).containsExactly("PING");
                first.getOutputStream().write("-ERR go away\r\n".getBytes(StandardCharsets.US_ASCII));
                // an error to PING ends the attempt: the replica closes and comes back within a second or so
                try (Socket second = fakeMaster.accept()) {
                    assertThat(command(second.getInputStream())).containsExactly("PING");
                    long silentSince = System.nanoTime();
                    // no answer at all: past repl-timeout (1 s) the replica gives up and tries again
                    try (Socket third = fakeMaster.accept()) {
                        assertThat((System.nanoTime() - silentSince) / 1_000_000).isGreaterThan(1000);
                        assertThat(command(third.getInputStream())).containsExactly("PING");
                    }
                }
            }
            our.call("REPLICAOF", "NO", "ONE");
        }
    }
}
