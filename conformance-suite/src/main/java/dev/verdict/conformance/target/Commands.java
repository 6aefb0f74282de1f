package dev.verdict.conformance.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short host command (ldd, kill, --version) and returns what it printed. */
final class Commands {

    private Commands() {
    }

    /**
     * Runs the command to completion within 30 seconds; when {@code failureAllowed} is false a
     * non-zero exit is an error, otherwise its output is returned all the same.
     */
    static String output(List<String> command, boolean failureAllowed) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 && !failureAllowed) {
                throw new IllegalStateException(String.join(" ", command) + " exited with "
                        + process.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
