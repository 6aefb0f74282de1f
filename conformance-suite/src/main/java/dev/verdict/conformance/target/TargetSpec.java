package dev.verdict.conformance.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target named by a short spec, as on the command line ({@code -Dverdict.targets=reference,redis-container}):
 * <ul>
 * <li>{@code reference}: the reference server in this JVM;
 * <li>{@code reference-process}, {@code reference-container}: its jar as a process, in a container;
 * <li>{@code redis-container}: real Redis from {@link RedisImage#resolve()};
 * <li>{@code redis-process}: the local {@code redis-server} as a process;
 * <li>{@code image:<name>}: real Redis from that exact image (present or pullable);
 * <li>{@code binary:<path>}: real Redis from that binary, as a process;
 * <li>{@code host:port}: someone else's server.
 * </ul>
 * {@link #unavailableReason()} says why this machine cannot start one, so suites skip it visibly.
 */
public record TargetSpec(String text, TargetKind kind) {

    public static final String TARGETS_PROPERTY = "verdict.targets";
    public static final String REFERENCE_JAR_PROPERTY = "verdict.reference.jar";
    /** Every kind this machine may be able to start, in the order suites run them. */
    public static final List<String> LOCAL = List.of(
            "reference", "reference-process", "reference-container", "redis-container", "redis-process");

    private static final Pattern HOST_PORT = Pattern.compile("([^:/\\s]+):(\\d{1,5})");

    public static TargetSpec parse(String text) {
        String spec = text.strip();
        TargetKind kind = switch (spec) {
            case "reference" -> TargetKind.REFERENCE_IN_JVM;
            case "reference-process" -> TargetKind.REFERENCE_PROCESS;
            case "reference-container" -> TargetKind.REFERENCE_CONTAINER;
            case "redis-container" -> TargetKind.REDIS_CONTAINER;
            case "redis-process" -> TargetKind.REDIS_PROCESS;
            default -> {
                if (spec.startsWith("image:") && spec.length() > 6) {
                    yield TargetKind.REDIS_CONTAINER;
                }
                if (spec.startsWith("binary:") && spec.length() > 7) {
                    yield TargetKind.REDIS_PROCESS;
                }
                if (HOST_PORT.matcher(spec).matches()) {
                    yield TargetKind.EXTERNAL;
                }
                throw new IllegalArgumentException("unknown target '" + text + "'; expected one of "
                        + LOCAL + ", image:<name>, binary:<path> or host:port");
            }
        };
        return new TargetSpec(spec, kind);
    }

    /** The targets {@code -Dverdict.targets} names (comma-separated), or every {@link #LOCAL} kind. */
    public static List<TargetSpec> selected() {
        String property = System.getProperty(TARGETS_PROPERTY, "").strip();
        List<TargetSpec> specs = new ArrayList<>();
        for (String text : property.isEmpty() ? LOCAL : List.of(property.split(","))) {
            if (!text.isBlank()) {
                specs.add(parse(text));
            }
        }
        return specs;
    }

    /** Why this machine cannot start the target, or empty when it can. */
    public Optional<String> unavailableReason() {
        return switch (kind) {
            case REFERENCE_IN_JVM -> missingReferenceClasses();
            case REFERENCE_PROCESS -> missingReferenceJar();
            case REFERENCE_CONTAINER -> missingDocker().or(this::missingReferenceJar).or(() ->
                    JavaRuntimeImage.jlink().isPresent() ? Optional.empty()
                            : Optional.of("no jlink in " + System.getProperty("java.home")
                                    + " to build the Java runtime image (install a full JDK)"));
            case REDIS_CONTAINER -> missingDocker().or(() -> text.startsWith("image:")
                    ? (RedisImage.pullable(image()) ? Optional.empty()
                            : Optional.of("image " + image() + " is neither present nor pullable"))
                    : missingRedisBinary());
            case REDIS_PROCESS -> missingRedisBinary();
            case EXTERNAL -> ServerProbe.answersPing(endpoint()) ? Optional.empty()
                    : Optional.of(text + " does not answer PING");
        };
    }

    /** A new, unstarted target with Redis's defaults. */
    public Target create() {
        return create(Map.of());
    }

    /** The reference server's jar on this JVM's java; a test-only fault switch (-Dverdict.fault) is passed on. */
    public static List<String> referenceProcessCommand() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+ExitOnOutOfMemoryError"));
        String fault = System.getProperty("verdict.fault");
        if (fault != null && !fault.isBlank()) {
            command.add("-Dverdict.fault=" + fault);
        }
        command.addAll(List.of("-jar", referenceJar().toString()));
        return command;
    }

    /** A new, unstarted target that will start with these configuration directives ({@code appendonly -> yes}). */
    public Target create(Map<String, String> config) {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException("cannot start " + text + ": " + reason);
        });
        return switch (kind) {
            case REFERENCE_IN_JVM -> new ReferenceInJvmTarget(config);
            case REFERENCE_PROCESS -> new ProcessTarget("reference (process)", kind, referenceProcessCommand(), config);
            case REFERENCE_CONTAINER -> new ContainerTarget("reference (container)", kind,
                    new ReferenceContainer(referenceJar()), config);
            case REDIS_CONTAINER -> {
                String image = text.startsWith("image:") ? image() : RedisImage.resolve();
                yield new ContainerTarget("redis-" + image.substring(image.lastIndexOf(':') + 1) + " (container)",
                        kind, new RedisContainer(image), config);
            }
            case REDIS_PROCESS -> {
                Path binary = redisBinary().orElseThrow();
                yield new ProcessTarget("redis-" + RedisImage.binaryVersion(binary) + " (process)", kind,
                        List.of(binary.toString()), config);
            }
            case EXTERNAL -> new ExternalTarget(endpoint());
        };
    }

    /** The runnable jar of the reference server: {@code -Dverdict.reference.jar}, else the build's own. */
    public static Path referenceJar() {
        String configured = System.getProperty(REFERENCE_JAR_PROPERTY, "").strip();
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        Path repo = Path.of(System.getProperty("verdict.repo.dir", "."));
        return repo.resolve("reference-server").resolve("target").resolve("reference-server.jar").toAbsolutePath();
    }

    @Override
    public String toString() {
        return text;
    }

    private String image() {
        return text.substring("image:".length());
    }

    private Endpoint endpoint() {
        Matcher matcher = HOST_PORT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalStateException(text + " is not host:port");
        }
        return new Endpoint(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    private Optional<Path> redisBinary() {
        return text.startsWith("binary:")
                ? Optional.of(Path.of(text.substring("binary:".length()))).filter(Files::isExecutable)
                : RedisImage.localBinary();
    }

    private Optional<String> missingRedisBinary() {
        return redisBinary().isPresent() ? Optional.empty() : Optional.of(text.startsWith("binary:")
                ? text.substring(7) + " is not an executable file"
                : "no redis-server binary on the PATH (install redis-server, or set -D" + RedisImage.BINARY_PROPERTY + ")");
    }

    private static Optional<String> missingReferenceClasses() {
        try {
            Class.forName("dev.verdict.server.RedisServer", false, TargetSpec.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.of("the reference server (dev.verdict.server.RedisServer) is not on the classpath");
        }
    }

    private Optional<String> missingReferenceJar() {
        Path jar = referenceJar();
        return Files.isRegularFile(jar) ? Optional.empty() : Optional.of("no reference server jar at " + jar
                + " (build it: mvn -pl reference-server package, or set -D" + REFERENCE_JAR_PROPERTY + ")");
    }

    private static Optional<String> missingDocker() {
        return Docker.available() ? Optional.empty()
                : Optional.of("no Docker engine answers (start dockerd, or run ./harness which does)");
    }
}
