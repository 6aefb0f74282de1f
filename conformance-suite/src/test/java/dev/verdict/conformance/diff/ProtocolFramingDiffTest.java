package dev.verdict.conformance.diff;

import dev.verdict.conformance.target.Endpoint;
import dev.verdict.conformance.target.Target;
import dev.verdict.conformance.target.TargetSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential testing one level below commands: request framing. Seeded random requests,
 * mostly malformed (header numbers string2ll must judge, wrong type bytes, lengths that lie,
 * bare LF or CR, inline quoting), each sent on a fresh connection to the reference server and
 * to real Redis, followed by an ECHO marker (and, on every fifth connection, the end of the
 * client's input); what comes back, up to the marker, the close, or a short silence, must be
 * the same bytes with the same ending. The command-level engine never
 * produces such bytes: clients and the engine's own encoder always frame correctly.
 */
class ProtocolFramingDiffTest {

    private static final long SEED = Long.getLong("diff.seed", 20261122L);
    private static final int CASES = Integer.getInteger("diff.framing.cases", 300);

    private static Target reference;
    private static Target redis;

    @BeforeAll
    static void start() {
        reference = TargetSpec.parse("reference").create();
        redis = TargetSpec.parse("redis-process").create();
        reference.start();
        redis.start();
        // a cold JVM's first replies can take longer than the silence that ends a case
        for (int i = 0; i < 200; i++) Exchange.run(reference.endpoint(), "PING\r\n".getBytes(StandardCharsets.US_ASCII), i);
    }

    @AfterAll
    static void stop() {
        try {
            if (reference != null) reference.stop();
        } finally {
            if (redis != null) redis.stop();
        }
    }

    @Test
    void malformedAndOddlyFramedRequestsGetRedisExactBytesAndClosing() {
        Random random = new Random(SEED);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < CASES && mismatches.size() < 5; i++) {
            byte[] request = FramingCases.next(random);
            int caseNumber = i;
            CompletableFuture<Exchange> ours = CompletableFuture.supplyAsync(
                    () -> Exchange.run(reference.endpoint(), request, caseNumber));
            Exchange theirs = Exchange.run(redis.endpoint(), request, caseNumber);
            Exchange mine = ours.join();
            if (!mine.equals(theirs)) {
                mismatches.add("request " + printable(request) + "\n  reference: " + mine + "\n  redis:     " + theirs);
            }
        }
        assertThat(mismatches).as("seed %d (-Ddiff.seed to repeat)", SEED).isEmpty();
    }

    /** The bytes a server answered to one request, and how the exchange ended. */
    private record Exchange(String reply, String ending) {

        /** A server still waiting for the rest of a request answers nothing; this long without a byte ends the case. */
        private static final int SILENCE_MILLIS = 400;

        static Exchange run(Endpoint endpoint, byte[] request, int caseNumber) {
            byte[] marker = ("*2\r\n$4\r\nECHO\r\n$" + markerText(caseNumber).length() + "\r\n" + markerText(caseNumber) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            String expectedEnd = "$" + markerText(caseNumber).length() + "\r\n" + markerText(caseNumber) + "\r\n";
            try (Socket socket = new Socket(endpoint.host(), endpoint.port())) {
                socket.setSoTimeout(SILENCE_MILLIS);
                socket.getOutputStream().write(request);
                socket.getOutputStream().write(marker);
                socket.getOutputStream().flush();
                // every fifth client ends its input at once, as `printf ... | nc -q1` does: the replies must still come
                if (caseNumber % 5 == 0) socket.shutdownOutput();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buffer = new byte[4096];
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (SocketTimeoutException silence) {
                        return new Exchange(got.toString(StandardCharsets.ISO_8859_1), "silence");
                    } catch (IOException reset) {
                        return new Exchange(got.toString(StandardCharsets.ISO_8859_1), "closed");
                    }
                    if (n < 0) return new Exchange(got.toString(StandardCharsets.ISO_8859_1), "closed");
                    got.write(buffer, 0, n);
                    String text = got.toString(StandardCharsets.ISO_8859_1);
                    if (text.endsWith(expectedEnd)) return new Exchange(text, "marker");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String markerText(int caseNumber) {
            return "end-of-case-" + caseNumber;
        }

        @Override
        public String toString() {
            return printable(reply.getBytes(StandardCharsets.ISO_8859_1)) + " then " + ending;
        }
    }

    /** Requests built from pieces that test framing: numbers, type bytes, line ends, quoting. */
    private static final class FramingCases {

        private static final String[] NUMBERS = {"0", "1", "2", "3", "01", "00", "-0", "-1", "+1", " 1", "1 ", "1\t",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "2147483647", "2147483648", "1e3", "0x1", "", "abc", "536870912", "536870913", "18446744073709551616"};
        private static final String[] TYPE_BYTES = {"$", "$", "$", "+", ":", "*", "-", "x", " ", "\r", "\n"};
        private static final String[] LINE_ENDS = {"\r\n", "\r\n", "\r\n", "\n", "\r", "\r\r\n", ""};
        private static final String[] WORDS = {"PING", "ECHO", "echo", "ping", "x", "", "\"a b\"", "'c d'", "\"\\x41\"",
                "\"\\x4\"", "\"unbalanced", "'unbalanced", "\"a\"b", "'a'b", "\"\\n\\t\"", "'\\''", "\"\\\"\""};

        static byte[] next(Random random) {
            return switch (random.nextInt(4)) {
                case 0 -> multibulk(random, true).getBytes(StandardCharsets.ISO_8859_1);
                case 1 -> multibulk(random, false).getBytes(StandardCharsets.ISO_8859_1);
                case 2 -> inline(random).getBytes(StandardCharsets.ISO_8859_1);
                default -> (multibulk(random, false) + inline(random)).getBytes(StandardCharsets.ISO_8859_1);
            };
        }

        /** ECHO with a few arguments; when {@code lie}, some count, length, type byte or line end is wrong. */
        private static String multibulk(Random random, boolean lie) {
            List<String> args = new ArrayList<>(List.of("ECHO", pick(random, "hullo", "", "a\r\nb", "12345")));
            StringBuilder out = new StringBuilder();
            out.append('*').append(lie && random.nextInt(3) == 0 ? pick(random, NUMBERS) : String.valueOf(args.size()))
                    .append(lie && random.nextInt(6) == 0 ? pick(random, LINE_ENDS) : "\r\n");
            for (String arg : args) {
                out.append(lie && random.nextInt(5) == 0 ? pick(random, TYPE_BYTES) : "$")
                        .append(lie && random.nextInt(3) == 0 ? pick(random, NUMBERS) : String.valueOf(arg.length()))
                        .append(lie && random.nextInt(6) == 0 ? pick(random, LINE_ENDS) : "\r\n")
                        .append(arg)
                        .append(lie && random.nextInt(6) == 0 ? pick(random, LINE_ENDS) : "\r\n");
            }
            return out.toString();
        }

        private static String inline(Random random) {
            StringBuilder line = new StringBuilder(pick(random, "PING", "ECHO", "echo", "  ECHO", "ping"));
            int words = random.nextInt(3);
            for (int i = 0; i < words; i++) line.append(pick(random, " ", "  ", "\t")).append(pick(random, WORDS));
            return line.append(pick(random, LINE_ENDS)).toString();
        }

        private static String pick(Random random, String... choices) {
            return choices[random.nextInt(choices.length)];
        }
    }

    private static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\r') out.append("\\r");
            else if (c == '\n') out.append("\\n");
            else if (c == '\t') out.append("\\t");
            else if (c == '"' || c == '\\') out.append('\\').append((char) c);
            else if (c < 0x20 || c > 0x7e) out.append(String.format("\\x%02x", c));
            else out.append((char) c);
        }
        return out.append('"').toString();
    }
}
