package dev.verdict.reports.allure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds Allure's own command line (io.qameta.allure:allure-commandline, a zip on Maven Central):
 * unpacked by the reports build into reports/target/allure-commandline, or, if that has not run,
 * unpacked here from the local Maven repository. It never downloads anything.
 */
public final class AllureCommandLine {

    private AllureCommandLine() {}

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = AllureCommandLine.class.getResourceAsStream("/verdict-reports.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty("allure.commandline.version", "");
        return v.isBlank() || v.startsWith("$") ? "2.34.0" : v;
    }

    /** The Allure home (the folder holding lib/ and bin/), unpacking the zip into {@code unpackDir} if needed. */
    public static Optional<Path> locate(Path unpackDir) {
        String version = version();
        Path home = unpackDir.resolve("allure-" + version);
        if (Files.isDirectory(home.resolve("lib"))) {
            return Optional.of(home);
        }
        Path zip = localRepository().resolve("io/qameta/allure/allure-commandline/" + version
                + "/allure-commandline-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        unzip(zip, unpackDir);
        return Files.isDirectory(home.resolve("lib")) ? Optional.of(home) : Optional.empty();
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void unzip(Path zip, Path into) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            Path root = into.toAbsolutePath().normalize();
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }
}
