package dev.verdict.server.type.stream;

/** A delivered, not yet acknowledged entry (streamNACK): shared by the group's and its consumer's PEL. */
public final class PendingEntry {

    Consumer consumer;
    long deliveryTime;
    long deliveryCount;

    PendingEntry(Consumer consumer, long deliveryTime) {
        this.consumer = consumer;
        this.deliveryTime = deliveryTime;
        this.deliveryCount = 1;
    }

    public Consumer consumer() {
        return consumer;
    }

    public long deliveryTime() {
        return deliveryTime;
    }

    public long deliveryCount() {
        return deliveryCount;
    }
}
