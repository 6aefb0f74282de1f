package dev.verdict.conformance.target;

import org.testcontainers.containers.Network;

/**
 * A Docker network for a topology (replicas, Sentinels, Cluster nodes reaching each other by
 * alias), labelled like every container, so the janitor removes it if its run dies.
 */
public final class HarnessNetwork {

    private HarnessNetwork() {
    }

    /** A new network, created on first use and removed on {@code close()} or at JVM exit. */
    public static Network create() {
        Janitor.sweepLeftoversOnce();
        Network network = Network.builder()
                .createNetworkCmdModifier(cmd -> cmd.withLabels(Ownership.labels()))
                .build();
        Janitor.closeAtExit(network);
        return network;
    }
}
