package dev.verdict.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw RESP connection for tests: sends commands, returns each reply as its exact protocol text. */
public final class RespConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RespConnection(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command and returns its reply, e.g. {@code "+OK\r\n"}. */
    public String call(String... args) {
        send(args);
        return read();
    }

    public void send(String... args) {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        sendRaw(b.toString());
    }

    public void sendRaw(String bytes) {
        try {
            out.write(bytes.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one complete reply. */
    public String read() {
        try {
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            readInto(reply);
            return reply.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server closed the connection (reads EOF within the timeout). */
    public boolean closedByServer() {
        try {
            socket.setSoTimeout(3000);
            while (true) {
                int b = in.read();
                if (b < 0) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** True when nothing arrives within {@code millis}. */
    public boolean silentFor(int millis) {
        try {
            socket.setSoTimeout(millis);
            in.mark(1);
            int b = in.read();
            if (b >= 0) in.reset();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                socket.setSoTimeout(5000);
            } catch (IOException ignored) {
                // the socket is gone; the next read reports it
            }
        }
    }

    public Socket socket() {
        return socket;
    }

    private void readInto(ByteArrayOutputStream reply) throws IOException {
        String line = readLine();
        reply.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        char type = line.charAt(0);
        int n = line.length() > 3 && "$=*~%>".indexOf(type) >= 0 ? Integer.parseInt(line.substring(1, line.length() - 2)) : 0;
        switch (type) {
            case '$', '=' -> {
                if (n >= 0) reply.writeBytes(in.readNBytes(n + 2));
            }
            case '*', '~', '>' -> {
                for (int i = 0; i < n; i++) readInto(reply);
            }
            case '%' -> {
                for (int i = 0; i < 2 * n; i++) readInto(reply);
            }
            default -> {
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed by server");
            line.write(b);
            if (prev == '\r' && b == '\n') return line.toString(StandardCharsets.UTF_8);
            prev = b;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test connection cannot fail in a way that matters
        }
    }
}
