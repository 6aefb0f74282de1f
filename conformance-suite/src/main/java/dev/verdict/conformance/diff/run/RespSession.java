package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.RespConnection;
import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.diff.Command;

import java.util.ArrayList;
import java.util.List;

/** A session over the raw RESP client. */
public final class RespSession implements Session {

    private final RespConnection connection;

    public RespSession(RespConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(List<Command> batch) {
        connection.sendRaw(BatchEncoder.encode(batch));
        connection.flush();
    }

    @Override
    public List<RespReply> receive(int count) {
        List<RespReply> replies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            replies.add(connection.read());
        }
        return replies;
    }

    @Override
    public java.util.Optional<RespReply> poll(java.time.Duration wait) {
        return connection.poll(wait);
    }

    @Override
    public void close() {
        connection.close();
    }
}
