package dev.verdict.server.persistence.aof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis 7.0's multi-part AOF manifest ({@code appendonly.aof.manifest} in {@code appenddirname}):
 * one line per file, {@code file <name> seq <n> type <b|h|i>}: the base (RDB or AOF format),
 * history files awaiting deletion, and the incremental files in order.
 */
public final class AofManifest {

    /** One file of the manifest. */
    public record Entry(String name, long seq, char type) {
        String line() {
            return "file " + name + " seq " + seq + " type " + type + "\n";
        }
    }

    private Entry base;
    private final List<Entry> incrs = new ArrayList<>();
    private final List<Entry> history = new ArrayList<>();

    public Entry base() {
        return base;
    }

    public List<Entry> incrs() {
        return incrs;
    }

    public List<Entry> history() {
        return history;
    }

    public void base(Entry base) {
        this.base = base;
    }

    public long lastIncrSeq() {
        return incrs.isEmpty() ? 0 : incrs.get(incrs.size() - 1).seq();
    }

    public static AofManifest parse(String text) throws IOException {
        AofManifest m = new AofManifest();
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+");
            String name = null;
            long seq = -1;
            char type = 0;
            for (int i = 0; i + 1 < parts.length; i += 2) {
                switch (parts[i]) {
                    case "file" -> name = parts[i + 1];
                    case "seq" -> seq = Long.parseLong(parts[i + 1]);
                    case "type" -> type = parts[i + 1].charAt(0);
                    default -> {
                        // unknown keys are ignored, as Redis does for forward compatibility
                    }
                }
            }
            if (name == null || seq < 0 || (type != 'b' && type != 'h' && type != 'i')) {
                throw new IOException("Invalid AOF manifest file format (line " + lineNo + ")");
            }
            Entry e = new Entry(name, seq, type);
            switch (type) {
                case 'b' -> {
                    if (m.base != null) throw new IOException("Found duplicate base file information");
                    m.base = e;
                }
                case 'h' -> m.history.add(e);
                default -> {
                    if (!m.incrs.isEmpty() && seq <= m.lastIncrSeq()) {
                        throw new IOException("Found a non-monotonic sequence number");
                    }
                    m.incrs.add(e);
                }
            }
        }
        return m;
    }

    public static AofManifest load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public String format() {
        StringBuilder b = new StringBuilder();
        if (base != null) b.append(base.line());
        for (Entry h : history) b.append(h.line());
        for (Entry i : incrs) b.append(i.line());
        return b.toString();
    }

    /** Writes the manifest atomically (temp file, fsync, rename), as Redis's persistAofManifest. */
    public void persist(Path file) throws IOException {
        Path temp = file.resolveSibling("temp-" + file.getFileName());
        try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(format().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
