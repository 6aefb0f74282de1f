package dev.verdict.server.type.stream;

import dev.verdict.server.client.Client;
import dev.verdict.server.db.RedisObject;

import java.util.Arrays;

/**
 * What an XADD propagates to the AOF and replicas: like Redis's rewriteClientCommandArgument, a
 * generated ID ({@code *} or {@code ms-*}) is replaced by the ID actually added, so a replay adds
 * the same entry.
 */
public final class StreamPropagation {

    private StreamPropagation() {
    }

    /** The argv to propagate for a successful XADD. */
    public static byte[][] xadd(Client client, byte[][] argv) {
        RedisObject value = client.db().lookupNoTouch(argv[1]);
        if (!(value instanceof Stream stream)) return argv;
        int idIndex = idIndex(argv);
        if (idIndex < 0) return argv;
        byte[] id = argv[idIndex];
        boolean generated = (id.length == 1 && id[0] == '*')
                || (id.length > 2 && id[id.length - 1] == '*' && id[id.length - 2] == '-');
        if (!generated) return argv;
        byte[][] out = Arrays.copyOf(argv, argv.length);
        out[idIndex] = stream.lastId().toBytes();
        return out;
    }

    /** The ID argument's position: the first argument after the options (as XADD parses them). */
    private static int idIndex(byte[][] argv) {
        int i = 2;
        while (i < argv.length) {
            String opt = new String(argv[i], java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            switch (opt) {
                case "nomkstream" -> i++;
                case "maxlen", "minid" -> {
                    boolean marker = i + 2 < argv.length && (Arrays.equals(argv[i + 1], new byte[] {'~'})
                            || Arrays.equals(argv[i + 1], new byte[] {'='}));
                    i += marker ? 3 : 2;
                }
                case "limit" -> i += 2;
                default -> {
                    return i;
                }
            }
        }
        return -1;
    }
}
