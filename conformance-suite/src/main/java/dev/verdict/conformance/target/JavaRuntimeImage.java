package dev.verdict.conformance.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Java runtime image without any registry: the host JDK's {@code jlink} makes a small runtime,
 * which goes {@code FROM scratch} with its libraries into {@code verdict/java-runtime:<version>}
 * at {@link #JAVA_HOME_IN_IMAGE}. Built once per JDK version and reused.
 */
public final class JavaRuntimeImage {

    public static final String REPOSITORY = "verdict/java-runtime";
    public static final String JAVA_HOME_IN_IMAGE = "/opt/java";
    /** What the reference server's jar needs (Netty, Jackson), with room for the usual reflection. */
    private static final String MODULES = String.join(",", "java.base", "java.logging", "java.management",
            "java.naming", "java.sql", "java.xml", "jdk.unsupported", "jdk.crypto.ec", "jdk.management");
    /** Bumped whenever MODULES changes, so an image built with the old module set is not reused. */
    private static final String MODULES_REVISION = "m2";

    private JavaRuntimeImage() {
    }

    public static String tag() {
        return REPOSITORY + ":" + Runtime.version().toString().replaceAll("[^A-Za-z0-9_.-]", "-") + "-" + MODULES_REVISION;
    }

    /** The host JDK's jlink, if this JVM runs on a full JDK. */
    public static Optional<Path> jlink() {
        return Optional.of(Path.of(System.getProperty("java.home"), "bin", "jlink")).filter(Files::isExecutable);
    }

    /** Builds the image unless it exists; returns its tag. */
    public static synchronized String resolve() {
        String tag = tag();
        if (ScratchImage.exists(tag)) {
            return tag;
        }
        Path jlink = jlink().orElseThrow(() -> new IllegalStateException(
                "no jlink in " + System.getProperty("java.home") + ": a full JDK is needed to build " + tag));
        Path work = TempDirs.create("verdict-jlink-");
        try {
            Path runtime = work.resolve("runtime");
            Commands.output(List.of(jlink.toString(), "--add-modules", MODULES, "--strip-debug",
                    "--no-header-files", "--no-man-pages", "--output", runtime.toString()), false);
            return ScratchImage.tagged(tag).with(JAVA_HOME_IN_IMAGE, runtime).build();
        } finally {
            TempDirs.delete(work);
        }
    }
}
