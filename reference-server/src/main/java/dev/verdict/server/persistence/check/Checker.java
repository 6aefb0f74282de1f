package dev.verdict.server.persistence.check;

import dev.verdict.server.persistence.aof.AofCommandReader;
import dev.verdict.server.persistence.aof.AofManifest;
import dev.verdict.server.persistence.rdb.RdbException;
import dev.verdict.server.persistence.rdb.RdbInput;
import dev.verdict.server.persistence.rdb.RdbLoader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar reference-server.jar check-rdb <file>} and {@code check-aof [--fix] <file or
 * manifest>}: like redis-check-rdb and redis-check-aof, they read the whole file, say where and
 * why it is corrupt, and (check-aof --fix) cut a torn AOF tail at the last complete command.
 */
public final class Checker {

    private Checker() {
    }

    /** Runs a subcommand; returns the process exit status (0 valid, 1 corrupt or unusable). */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0) return usage(out);
        try {
            return switch (args[0]) {
                case "check-rdb" -> args.length == 2 ? checkRdb(Path.of(args[1]), out) : usage(out);
                case "check-aof" -> {
                    boolean fix = args.length == 3 && args[1].equals("--fix");
                    if (args.length != 2 && !fix) yield usage(out);
                    yield checkAof(Path.of(args[args.length - 1]), fix, out);
                }
                default -> usage(out);
            };
        } catch (IOException e) {
            out.println("Cannot read file: " + e.getMessage());
            return 1;
        }
    }

    public static boolean isSubcommand(String arg) {
        return arg.equals("check-rdb") || arg.equals("check-aof");
    }

    private static int usage(PrintStream out) {
        out.println("Usage: java -jar reference-server.jar check-rdb <rdb-file-name>");
        out.println("       java -jar reference-server.jar check-aof [--fix] <file.manifest|file.aof>");
        return 1;
    }

    static int checkRdb(Path file, PrintStream out) throws IOException {
        out.println("[offset 0] Checking RDB file " + file.getFileName());
        RdbLoader.Result result = new RdbLoader.Result();
        long[] keys = {0};
        RdbInput in;
        try (InputStream is = Files.newInputStream(file)) {
            in = new RdbInput(is);
            try {
                RdbLoader.load(in, (db, key, value, expireAt, idle, freq) -> keys[0]++, -1, true, Integer.MAX_VALUE,
                        result);
            } catch (RdbException e) {
                out.println("--- RDB ERROR DETECTED ---");
                out.println("[offset " + in.offset() + "] " + e.getMessage());
                if (result.lastKey != null) {
                    out.println("[additional info] Reading key '" + new String(result.lastKey, StandardCharsets.UTF_8) + "'");
                    out.println("[additional info] Reading type " + result.lastType);
                }
                out.println("[info] " + keys[0] + " keys read");
                return 1;
            }
        }
        out.println("[offset " + in.offset() + "] RDB version " + result.version);
        for (var aux : result.aux.entrySet()) {
            out.println("[offset " + in.offset() + "] AUX FIELD " + aux.getKey() + " = '"
                    + new String(aux.getValue(), StandardCharsets.UTF_8) + "'");
        }
        out.println("[info] " + keys[0] + " keys read");
        out.println("[info] " + result.functions.size() + " functions read");
        out.println("[offset " + in.offset() + "] Checksum OK");
        out.println("[offset " + in.offset() + "] \\o/ RDB looks OK! \\o/");
        return 0;
    }

    static int checkAof(Path file, boolean fix, PrintStream out) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".manifest")) {
            AofManifest m = AofManifest.load(file);
            out.println("Start checking Multi Part AOF");
            List<AofManifest.Entry> files = new ArrayList<>();
            if (m.base() != null) files.add(m.base());
            files.addAll(m.incrs());
            for (int i = 0; i < files.size(); i++) {
                AofManifest.Entry e = files.get(i);
                Path part = file.resolveSibling(e.name());
                boolean last = i == files.size() - 1;
                int status = checkOne(part, e.type() == 'b' ? "BASE" : "INCR", fix && last, out);
                if (status != 0) return status;
            }
            out.println("All AOF files and manifest are valid");
            return 0;
        }
        return checkOne(file, "AOF", fix, out);
    }

    private static int checkOne(Path file, String kind, boolean fix, PrintStream out) throws IOException {
        if (startsWithRdb(file)) {
            out.println("Start to check " + kind + " AOF (RDB format).");
            int rdb = checkRdb(file, out);
            if (rdb != 0) return rdb;
            out.println(kind + " AOF " + file.getFileName() + " is valid");
            return 0;
        }
        out.println("Start to check " + kind + " AOF (AOF format).");
        long size = Files.size(file);
        AofCommandReader reader;
        long commands = 0;
        long beforeMulti = -1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            reader = new AofCommandReader(in);
            byte[][] argv;
            while ((argv = reader.next()) != null) {
                commands++;
                String cmd = new String(argv[0], StandardCharsets.US_ASCII);
                if (argv.length == 1 && cmd.equalsIgnoreCase("multi")) beforeMulti = reader.lastValidOffset() - 15;
                if (argv.length == 1 && cmd.equalsIgnoreCase("exec")) beforeMulti = -1;
            }
        }
        long valid = reader.lastValidOffset();
        AofCommandReader.Problem problem = reader.problem();
        if (problem == AofCommandReader.Problem.NONE && beforeMulti >= 0) {
            out.println("Reached EOF before reading EXEC for MULTI");
            problem = AofCommandReader.Problem.TRUNCATED;
            valid = beforeMulti;
        }
        if (problem == AofCommandReader.Problem.NONE) {
            out.println("AOF analyzed: filename=" + file.getFileName() + ", size=" + size + ", ok_up_to=" + valid
                    + ", ok_up_to_line=" + commands + ", diff=0");
            out.println(kind + " AOF " + file.getFileName() + " is valid");
            return 0;
        }
        out.println("0x" + Long.toHexString(valid) + ": " + reader.detail());
        out.println("AOF analyzed: filename=" + file.getFileName() + ", size=" + size + ", ok_up_to=" + valid
                + ", ok_up_to_line=" + commands + ", diff=" + (size - valid));
        if (problem == AofCommandReader.Problem.BAD_FORMAT) {
            out.println("AOF " + file.getFileName() + " format error");
            return 1;
        }
        if (!fix) {
            out.println("AOF " + file.getFileName() + " is not valid. Use the --fix option to try fixing it.");
            return 1;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(valid);
            ch.force(true);
        }
        out.println("Successfully truncated AOF " + file.getFileName());
        return 0;
    }

    private static boolean startsWithRdb(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("REDIS");
        }
    }
}
