package dev.verdict.conformance.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One command as sent: its arguments as bytes, the name of the grammar entry it came from (which tells the
 * comparison which normalisation applies even when a mutation garbled the words), and the client that sends it
 * (always 0 outside the multi-connection mode).
 */
public record Command(String specName, List<byte[]> args, int client) {

    public Command {
        args = List.copyOf(args);
    }

    public Command(String specName, List<byte[]> args) {
        this(specName, args, 0);
    }

    public Command onClient(int index) {
        return new Command(specName, args, index);
    }

    public static Command of(String specName, List<String> args) {
        List<byte[]> bytes = new ArrayList<>(args.size());
        args.forEach(a -> bytes.add(a.getBytes(StandardCharsets.ISO_8859_1)));
        return new Command(specName, bytes);
    }

    public static Command of(String... args) {
        return of(args[0].toUpperCase(Locale.ROOT), Arrays.asList(args));
    }

    public String arg(int i) {
        return new String(args.get(i), StandardCharsets.ISO_8859_1);
    }

    public List<String> argStrings() {
        List<String> out = new ArrayList<>(args.size());
        args.forEach(a -> out.add(new String(a, StandardCharsets.ISO_8859_1)));
        return out;
    }

    public Command withArgs(List<String> newArgs) {
        return of(specName, newArgs).onClient(client);
    }

    /** The command as one line of a redis-cli script; in the multi-connection mode prefixed by its client. */
    @Override
    public String toString() {
        return (client == 0 ? "" : "c" + client + "> ") + RedisCliQuoting.line(args);
    }
}
