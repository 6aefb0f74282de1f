package dev.verdict.chaos.topology;

import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Map;

/**
 * Where a topology's nodes run: containers on a dedicated Docker network when a Docker engine is
 * there, else local processes on distinct loopback addresses behind fault proxies. The system
 * property {@code verdict.chaos.nodes} ({@code container} or {@code process}) forces one;
 * {@code reference} runs the data nodes as reference-server processes (Sentinels stay real).
 */
public interface NodeFactory extends AutoCloseable {

    String PROPERTY = "verdict.chaos.nodes";

    /** "container", "process" or "reference". */
    String kind();

    /** A redis-server with these directives; the factory adds what its kind needs (port, bind, dir, announce). */
    RedisNode server(String name, Map<String, String> config);

    /** A Sentinel with these configuration lines; the factory adds its port and announce lines. */
    RedisNode sentinel(String name, List<String> directives);

    /** Releases what the factory holds beyond its nodes (the Docker network). */
    @Override
    void close();

    static NodeFactory detect() {
        String forced = System.getProperty(PROPERTY, "");
        if (forced.equals("process")) {
            return new ProcessNodes();
        }
        if (forced.equals("reference")) {
            return ProcessNodes.reference();
        }
        if (forced.equals("container") || dockerAvailable()) {
            return new ContainerNodes();
        }
        return new ProcessNodes();
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
