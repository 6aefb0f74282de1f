package dev.verdict.conformance.target;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * An image built {@code FROM scratch} out of host files: the executables asked for, every shared
 * library {@code ldd} lists for them, and the dynamic loader; plus writable {@code /data} (the
 * working directory) and {@code /tmp}, and a PATH. No registry is needed. The image is tagged and
 * built once; later calls (in any JVM) reuse it.
 */
public final class ScratchImage {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchImage.class);
    /** {@code libfoo.so => /lib/x86_64-linux-gnu/libfoo.so (0x...)} or {@code /lib64/ld-linux-x86-64.so.2 (0x...)}. */
    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:\\S+ => )?(/\\S+) \\(0x");

    private final String tag;
    /** Path in the image -> host file or folder; resolved into files and libraries only when building. */
    private final Map<String, Path> sources = new LinkedHashMap<>();
    private final List<String> entrypoint = new ArrayList<>();

    private ScratchImage(String tag) {
        this.tag = tag;
    }

    public static ScratchImage tagged(String tag) {
        return new ScratchImage(tag);
    }

    /**
     * Adds a host file or folder at a path in the image; executables and {@code .so} files bring
     * the libraries they link against.
     */
    public ScratchImage with(String pathInImage, Path hostPath) {
        sources.put(pathInImage, hostPath);
        return this;
    }

    public ScratchImage withEntrypoint(String... command) {
        entrypoint.clear();
        entrypoint.addAll(List.of(command));
        return this;
    }

    public String tag() {
        return tag;
    }

    /** Builds the image unless one with this tag exists already; returns the tag. */
    public String build() {
        synchronized (ScratchImage.class) {
            return buildOnce();
        }
    }

    private String buildOnce() {
        if (exists(tag)) {
            return tag;
        }
        Path staging = null;
        try {
            staging = TempDirs.create("verdict-image-");
            Path rootfs = staging.resolve("rootfs");
            Files.createDirectories(rootfs.resolve("data"));
            Files.createDirectories(rootfs.resolve("tmp"));
            Map<String, Path> files = expand();
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Path target = rootfs.resolve(file.getKey().replaceFirst("^/+", ""));
                Files.createDirectories(target.getParent());
                Files.copy(file.getValue(), target);
                target.toFile().setExecutable(Files.isExecutable(file.getValue()), false);
            }
            LOG.info("building image {} from scratch with {} host files", tag, files.size());
            new ImageFromDockerfile(tag, false)
                    .withFileFromPath("rootfs", rootfs)
                    .withDockerfileFromBuilder(dockerfile -> {
                        dockerfile.from("scratch").copy("rootfs/", "/").workDir("/data")
                                .env("PATH", "/usr/local/bin:/usr/bin:/bin");
                        dockerfile.label(Ownership.HARNESS_LABEL, "true");
                        if (!entrypoint.isEmpty()) {
                            dockerfile.entryPoint(entrypoint.toArray(String[]::new));
                        }
                    })
                    .get();
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage image " + tag, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build image " + tag, e);
        } finally {
            TempDirs.delete(staging);
        }
    }

    /** Every file to copy (path in image -> host file): the sources, folders walked, plus their libraries. */
    private Map<String, Path> expand() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        List<Path> binaries = new ArrayList<>();
        for (Map.Entry<String, Path> source : sources.entrySet()) {
            Path host = source.getValue();
            if (Files.isDirectory(host)) {
                try (Stream<Path> walk = Files.walk(host)) {
                    for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                        files.put(source.getKey() + "/" + host.relativize(file), file);
                    }
                }
            } else {
                files.put(source.getKey(), host);
            }
        }
        for (Path file : files.values()) {
            if (Files.isExecutable(file) || file.getFileName().toString().endsWith(".so")) {
                binaries.add(file);
            }
        }
        for (Path binary : binaries) {
            for (Path library : sharedLibraries(binary)) {
                // A library inside a copied folder (found through $ORIGIN) is in the image already.
                if (sources.values().stream().noneMatch(source -> library.startsWith(source))) {
                    files.putIfAbsent(library.toString(), library);
                }
            }
        }
        return files;
    }

    static boolean exists(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The absolute paths {@code ldd} lists (the loader included); none for static or non-ELF files. */
    static List<Path> sharedLibraries(Path file) {
        List<Path> libraries = new ArrayList<>();
        for (String line : Commands.output(List.of("ldd", file.toString()), true).split("\n")) {
            Matcher matcher = LDD_LINE.matcher(line);
            if (matcher.find()) {
                libraries.add(Path.of(matcher.group(1)).normalize());
            }
        }
        return libraries;
    }
}
