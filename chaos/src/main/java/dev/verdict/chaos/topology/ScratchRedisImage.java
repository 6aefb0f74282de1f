package dev.verdict.chaos.topology;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY: the real-Redis image built {@code FROM scratch} from the local redis-server and the
 * libraries {@code ldd} lists, until conformance-suite's RedisImage reaches main; then topologies
 * use that one and this class goes. Labels follow the harness's ownership scheme so the shared
 * janitor recognises these containers.
 */
public final class ScratchRedisImage {

    public static final String TAG = "verdict/chaos-redis:7.0.15";
    static final Map<String, String> LABELS = Map.of(
            "dev.verdict.harness", "true",
            "dev.verdict.owner", ProcessHandle.current().pid() + "@"
                    + ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L));

    private static final Pattern LDD_PATH = Pattern.compile("(/\\S+) \\(0x");
    private static volatile boolean built;

    private ScratchRedisImage() {
    }

    public static synchronized String resolve() {
        if (built || exists()) {
            built = true;
            return TAG;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory("verdict-chaos-image");
            Path rootfs = staging.resolve("rootfs");
            Files.createDirectories(rootfs.resolve("data"));
            Files.createDirectories(rootfs.resolve("tmp"));
            Path server = Path.of("/usr/bin/redis-server").toRealPath();
            Set<Path> files = new LinkedHashSet<>();
            files.add(server);
            files.addAll(libraries(server));
            for (Path file : files) {
                Path target = rootfs.resolve(file.toString().substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Path bin = rootfs.resolve("usr/bin/redis-server");
            if (!Files.exists(bin)) {
                Files.createDirectories(bin.getParent());
                Files.copy(server, bin, StandardCopyOption.COPY_ATTRIBUTES);
            }
            new ImageFromDockerfile(TAG, false)
                    .withFileFromPath("rootfs", rootfs)
                    .withDockerfileFromBuilder(d -> d.from("scratch").copy("rootfs/", "/").workDir("/data")
                            .label("dev.verdict.harness", "true")
                            .entryPoint(new String[] {"/usr/bin/redis-server"}))
                    .get();
            built = true;
            return TAG;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build " + TAG, e);
        } finally {
            if (staging != null) {
                Processes.deleteTree(staging);
            }
        }
    }

    private static boolean exists() {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(TAG).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static Set<Path> libraries(Path binary) throws IOException {
        Set<Path> libs = new LinkedHashSet<>();
        String out = Processes.run("ldd", binary.toString());
        Matcher m = LDD_PATH.matcher(out);
        while (m.find()) {
            libs.add(Path.of(m.group(1)));
        }
        return libs;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
