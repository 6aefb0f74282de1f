package dev.verdict.conformance.diff.run;

import dev.verdict.conformance.client.RespReply;
import dev.verdict.conformance.diff.Command;

import java.util.List;

/**
 * One connection to one target, split into send and receive so that the engine can write a batch to both targets
 * before reading either (the two servers then work in parallel).
 */
public interface Session extends AutoCloseable {

    void send(List<Command> batch);

    List<RespReply> receive(int count);

    /** The next reply if one arrives within {@code wait} (blocked commands, pub/sub messages). */
    java.util.Optional<RespReply> poll(java.time.Duration wait);

    default List<RespReply> execute(List<Command> batch) {
        send(batch);
        return receive(batch.size());
    }

    @Override
    void close();
}
