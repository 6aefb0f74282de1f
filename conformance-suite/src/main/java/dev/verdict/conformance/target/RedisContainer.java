package dev.verdict.conformance.target;

import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Real Redis in a container, from {@link RedisImage#resolve()} unless an image is named. For a
 * Sentinel, {@link #asSentinel(String)} runs the same image in sentinel mode with a config file
 * the caller copies in (Sentinel rewrites it, so it must sit in the writable {@code /data}).
 */
public class RedisContainer extends ServerContainer<RedisContainer> {

    private String sentinelConfig;

    public RedisContainer() {
        this(RedisImage.resolve());
    }

    public RedisContainer(String image) {
        super(image);
    }

    /** Runs {@code redis-server <configFile> --sentinel}; the config file must exist in the container. */
    public RedisContainer asSentinel(String configFileInContainer) {
        this.sentinelConfig = configFileInContainer;
        // Sentinel never logs "Ready to accept connections"; its ID comes once it listens and monitors.
        return waitingFor(Wait.forLogMessage(".*Sentinel ID is.*\\n", 1));
    }

    @Override
    protected List<String> serverCommand(List<String> redisArgs) {
        List<String> command = new ArrayList<>();
        command.add("redis-server");
        if (sentinelConfig != null) {
            command.add(sentinelConfig);
            command.add("--sentinel");
        }
        command.addAll(redisArgs);
        return command;
    }
}
