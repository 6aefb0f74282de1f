package dev.verdict.reports.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, one page load per call: the DOM after load, or a screenshot.
 * Each call uses a fresh profile and switches off everything that would reach the network.
 */
public final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser named by VERDICT_CHROMIUM, or the first of chromium, chromium-browser, google-chrome on PATH. */
    public static Optional<HeadlessChromium> find() {
        String configured = System.getenv("VERDICT_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(new HeadlessChromium(p)) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    public Path binary() {
        return binary;
    }

    /** The serialised DOM once the page has loaded. */
    public String dumpDom(URI page) throws IOException {
        return run(List.of("--dump-dom", page.toString()), null);
    }

    public void screenshot(URI page, Path png, int width, int height) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", page.toString()), png);
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(List<String> arguments, Path expectedFile) throws IOException {
        Path profile = Files.createTempDirectory("verdict-chromium-");
        Path stdout = Files.createTempFile("verdict-chromium-", ".out");
        Path stderr = Files.createTempFile("verdict-chromium-", ".err");
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0 && (expectedFile == null || !Files.isRegularFile(expectedFile))) {
                throw new IOException("chromium exited " + process.exitValue() + ": "
                        + tail(Files.readString(stderr, StandardCharsets.UTF_8)));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while chromium ran", e);
        } finally {
            // Chromium forks helpers (zygote, renderer, GPU): none may outlive the call.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            delete(profile);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String tail(String text) {
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp profile is harmless.
        }
    }
}
