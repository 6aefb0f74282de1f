package dev.verdict.server.type;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A test client that sends commands as RESP multibulk and returns each reply's exact bytes, so
 * tests can compare byte for byte with what real Redis answered.
 */
public final class RawRespClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawRespClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends one command and returns its whole reply as text (CRLFs included). */
    public String call(String... args) throws IOException {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        return new String(callBytes(raw), StandardCharsets.UTF_8);
    }

    public byte[] callBytes(byte[]... args) throws IOException {
        send(args);
        return readReply();
    }

    public void send(byte[]... args) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.write(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            buf.write(('$' + Integer.toString(a.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            buf.write(a);
            buf.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(buf.toByteArray());
        out.flush();
    }

    /** The payload of a bulk string reply, or null for a null bulk. */
    public byte[] bulk(String... args) throws IOException {
        byte[] reply = callBytes(toBytes(args));
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        if (text.startsWith("$-1")) return null;
        int header = text.indexOf("\r\n") + 2;
        byte[] body = new byte[reply.length - header - 2];
        System.arraycopy(reply, header, body, 0, body.length);
        return body;
    }

    public byte[] readReply() throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        readInto(reply);
        return reply.toByteArray();
    }

    private void readInto(ByteArrayOutputStream reply) throws IOException {
        String line = readLine(reply);
        char type = line.charAt(0);
        switch (type) {
            case '$', '=', '!' -> {
                int n = Integer.parseInt(line.substring(1));
                if (n >= 0) reply.write(in.readNBytes(n + 2));
            }
            case '*', '~', '>', '%' -> {
                int n = Integer.parseInt(line.substring(1));
                if (type == '%') n *= 2;
                for (int i = 0; i < n; i++) readInto(reply);
            }
            default -> {
            }
        }
    }

    private String readLine(ByteArrayOutputStream reply) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) throw new IOException("connection closed");
            line.append((char) c);
        }
        in.read();
        reply.write(line.toString().getBytes(StandardCharsets.ISO_8859_1));
        reply.write('\r');
        reply.write('\n');
        return line.toString();
    }

    private static byte[][] toBytes(String... args) {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        return raw;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
