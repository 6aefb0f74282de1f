package dev.verdict.conformance.target;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, asked once per JVM (Testcontainers caches the answer too). */
final class Docker {

    private static volatile Boolean available;

    private Docker() {
    }

    static boolean available() {
        Boolean known = available;
        if (known == null) {
            boolean answer;
            try {
                answer = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                answer = false;
            }
            available = known = answer;
        }
        return known;
    }
}
