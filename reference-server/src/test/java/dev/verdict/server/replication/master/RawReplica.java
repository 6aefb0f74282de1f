package dev.verdict.server.replication.master;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A hand-made replica: a raw socket that sends what a replica sends and reads what the master streams. */
final class RawReplica implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final OutputStream out;

    RawReplica(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(String... args) throws IOException {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) b.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
        out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A line without its CRLF; newlines sent to keep the link alive before the payload are skipped. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) throw new IOException("closed");
            if (c == '\n') {
                if (b.size() == 0) continue;
                byte[] bytes = b.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
    }

    /** The next command of the stream, its arguments joined by spaces; PINGs the cron sends meanwhile are skipped. */
    String command() throws IOException {
        while (true) {
            String head = line();
            int n = Integer.parseInt(head.substring(1));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int len = Integer.parseInt(line().substring(1));
                if (i > 0) b.append(' ');
                b.append(new String(bytes(len), StandardCharsets.ISO_8859_1));
                bytes(2);
            }
            if (!b.toString().equals("PING")) return b.toString();
        }
    }

    byte[] bytes(int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
