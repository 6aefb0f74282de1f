package dev.verdict.conformance.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A deliberately small, blocking RESP client that shows exactly what a server sent: every
 * reply comes back as its raw bytes plus the decoded tree. Commands can be sent one by one,
 * pipelined (send N, then read N), or as raw/inline bytes for protocol tests. Not thread-safe.
 */
public final class RespConnection implements AutoCloseable {

    /** Thrown when no complete reply arrived within the read timeout. */
    public static final class ReplyTimeoutException extends UncheckedIOException {
        public ReplyTimeoutException(String message, IOException cause) {
            super(message, cause);
        }
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Duration timeout;
    private Protocol protocol = Protocol.RESP2;
    private byte[] buf = new byte[16 * 1024];
    private int start;
    private int end;

    private RespConnection(Socket socket, Duration timeout) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.timeout = timeout;
    }

    /** Connects speaking RESP2 with the default timeout. */
    public static RespConnection open(String host, int port) {
        return open(host, port, Protocol.RESP2, DEFAULT_TIMEOUT);
    }

    /** Connects and, for RESP3, sends {@code HELLO 3} (failing if the server refuses it). */
    public static RespConnection open(String host, int port, Protocol protocol, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            RespConnection c = new RespConnection(socket, timeout);
            if (protocol == Protocol.RESP3) {
                RespReply hello = c.call("HELLO", "3");
                if (hello.isError()) {
                    c.close();
                    throw new IllegalStateException("server refused HELLO 3: " + hello.value());
                }
                c.protocol = Protocol.RESP3;
            }
            return c;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connect failure is the one worth reporting
            }
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    /** The protocol this connection negotiated when it was opened. */
    public Protocol protocol() {
        return protocol;
    }

    public Duration timeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** Sends one command and reads its reply. */
    public RespReply call(byte[]... args) {
        send(args);
        flush();
        return read();
    }

    public RespReply call(String... args) {
        return call(RespValues.args(args));
    }

    /** Sends all commands in one write, then reads one reply per command, in order. */
    public List<RespReply> pipeline(List<byte[][]> commands) {
        for (byte[][] c : commands) {
            send(c);
        }
        flush();
        List<RespReply> replies = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            replies.add(read());
        }
        return replies;
    }

    /** Buffers a command; nothing is written until {@link #flush()}. */
    public void send(byte[]... args) {
        RespEncoder.writeCommand(pending, args);
    }

    public void send(String... args) {
        send(RespValues.args(args));
    }

    /** Buffers bytes exactly as given (malformed protocol, partial frames...). */
    public void sendRaw(byte[] bytes) {
        pending.writeBytes(bytes);
    }

    /** Buffers an inline command: the line as typed, terminated by CRLF. */
    public void sendInline(String line) {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void flush() {
        if (pending.size() == 0) {
            return;
        }
        try {
            out.write(pending.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("write failed", e);
        } finally {
            pending.reset();
        }
    }

    /** Reads the next reply, waiting at most the connection's timeout. */
    public RespReply read() {
        return read(timeout);
    }

    /** Reads the next reply, waiting at most {@code wait}; bytes of a partial reply are kept. */
    public RespReply read(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            RespDecoder.Decoded d = RespDecoder.decode(buf, start, end);
            if (d != null) {
                byte[] raw = Arrays.copyOfRange(buf, start, d.end());
                start = d.end();
                if (start == end) {
                    start = 0;
                    end = 0;
                }
                return new RespReply(raw, d.value());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                // UncheckedIOException refuses a null cause: a null here was a NullPointerException instead of the
                // timeout poll() expects (it ended a --clients 3 run at a reply that arrived in pieces)
                String message = "no complete reply within " + wait.toMillis() + " ms";
                throw new ReplyTimeoutException(message, new java.net.SocketTimeoutException(message));
            }
            fill(Math.max(1, (int) (left / 1_000_000)));
        }
    }

    /** The next reply if one arrives within {@code wait}, else empty (pub/sub, blocking commands). */
    public Optional<RespReply> poll(Duration wait) {
        try {
            return Optional.of(read(wait));
        } catch (ReplyTimeoutException e) {
            return Optional.empty();
        }
    }

    /** True when the server has closed the connection (waits at most {@code wait} to find out). */
    public boolean isClosedByServer(Duration wait) {
        if (end > start) {
            return false;
        }
        try {
            fill((int) Math.max(1, wait.toMillis()));
            return false;
        } catch (ReplyTimeoutException e) {
            return false;
        } catch (UncheckedIOException e) {
            return e.getCause() instanceof EOFException || e.getCause() instanceof java.net.SocketException;
        }
    }

    private void fill(int timeoutMillis) {
        if (start > 0 && start == end) {
            start = 0;
            end = 0;
        }
        if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        try {
            socket.setSoTimeout(timeoutMillis);
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                throw new EOFException("connection closed by server");
            }
            end += n;
        } catch (SocketTimeoutException e) {
            throw new ReplyTimeoutException("no complete reply within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort; the server side sees the FIN either way
        }
    }
}
