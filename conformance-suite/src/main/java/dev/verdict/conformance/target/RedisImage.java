package dev.verdict.conformance.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The real-Redis image: the registry image named by {@code -Dredis.image} when one is configured
 * and can be pulled, otherwise {@code verdict/redis:<version>} built {@code FROM scratch} out of
 * the local {@code redis-server} binary. The local image holds {@code redis-server} and
 * {@code redis-sentinel} (the same binary) on the PATH and a writable {@code /data}, so Sentinel
 * and Cluster topologies run from it too.
 */
public final class RedisImage {

    private static final Logger LOG = LoggerFactory.getLogger(RedisImage.class);

    /** A registry image to prefer, e.g. {@code redis:7.2}. */
    public static final String IMAGE_PROPERTY = "redis.image";
    /** The local binary to build from; default: {@code redis-server} on the PATH. */
    public static final String BINARY_PROPERTY = "verdict.redis.binary";
    public static final String REPOSITORY = "verdict/redis";

    private static final Pattern VERSION = Pattern.compile("\\bv=(\\S+)");
    private static String resolved;
    private static final Map<String, Boolean> PULLABLE = new ConcurrentHashMap<>();

    private RedisImage() {
    }

    /** The image real-Redis containers use; pulls or builds it on first use. */
    public static synchronized String resolve() {
        if (resolved == null) {
            String configured = System.getProperty(IMAGE_PROPERTY, "").strip();
            if (!configured.isEmpty() && pullable(configured)) {
                resolved = configured;
            } else {
                Path binary = localBinary().orElseThrow(() -> new IllegalStateException(
                        "no redis-server binary to build an image from (set -D" + BINARY_PROPERTY + ")"));
                if (!configured.isEmpty()) {
                    LOG.warn("image {} cannot be pulled; building one from {} instead", configured, binary);
                }
                resolved = fromBinary(binary);
            }
        }
        return resolved;
    }

    /** Builds (once) and returns {@code verdict/redis:<version>} from a redis-server binary. */
    public static String fromBinary(Path binary) {
        Path real = binary.toAbsolutePath();
        return ScratchImage.tagged(REPOSITORY + ":" + binaryVersion(real))
                .with("/usr/bin/redis-server", real)
                .with("/usr/bin/redis-sentinel", real)
                .build();
    }

    /** The version a redis-server binary reports with {@code --version}, e.g. {@code 7.0.15}. */
    public static String binaryVersion(Path binary) {
        String text = Commands.output(List.of(binary.toString(), "--version"), false);
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(binary + " --version printed no version: " + text.strip());
        }
        return matcher.group(1);
    }

    /** The redis-server binary to use: {@code -Dverdict.redis.binary}, else the first on the PATH. */
    public static Optional<Path> localBinary() {
        String configured = System.getProperty(BINARY_PROPERTY, "").strip();
        if (!configured.isEmpty()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return onPath("redis-server");
    }

    static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether the image is present or can be pulled within a minute; a failed pull is not retried. */
    static boolean pullable(String image) {
        return PULLABLE.computeIfAbsent(image, RedisImage::pull);
    }

    private static boolean pull(String image) {
        if (ScratchImage.exists(image)) {
            return true;
        }
        try {
            return DockerClientFactory.instance().client().pullImageCmd(image).start()
                    .awaitCompletion(60, TimeUnit.SECONDS) && ScratchImage.exists(image);
        } catch (RuntimeException e) {
            LOG.info("cannot pull {}: {}", image, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
