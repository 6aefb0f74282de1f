package dev.verdict.server.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verdict.server.type.string.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a command's key arguments from its key specs (Redis's getKeysUsingKeySpecs), falling
 * back on Redis's native procedures where the specs cannot tell, for COMMAND GETKEYS and
 * GETKEYSANDFLAGS and for client-side caching.
 */
public final class KeySpecs {

    /** A key argument: its position in argv and the flags of the spec that found it. */
    public record KeyPosition(int index, JsonNode flags) {
    }

    private KeySpecs() {
    }

    public static boolean hasKeys(CommandSpec command) {
        return CommandTable.elements(command.info().get(8)).size() > 0;
    }

    /**
     * getKeysFromCommandWithSpecs: the keys of {@code argv} (argv[0] is the command name) by the
     * specs or, where a spec is unknown or incomplete, by the native procedure Redis falls back on
     * (sortGetKeys, sortROGetKeys, migrateGetKeys); null or empty when there is no key to name
     * (Redis's "Invalid arguments specified for command").
     */
    public static List<KeyPosition> find(CommandSpec command, byte[][] argv) {
        List<KeyPosition> keys = bySpecs(command, argv);
        if (keys != null) return keys;
        return switch (command.fullName()) {
            case "sort" -> sortKeys(argv);
            case "sort_ro" -> List.of(new KeyPosition(1, statusSet("RO", "access")));
            case "migrate" -> migrateKeys(argv);
            default -> null;
        };
    }

    /** sortGetKeys: the sorted key, and the last STORE's destination (BY, GET, LIMIT arguments skipped). */
    private static List<KeyPosition> sortKeys(byte[][] argv) {
        List<KeyPosition> keys = new ArrayList<>();
        keys.add(new KeyPosition(1, statusSet("RO", "access")));
        int store = -1;
        for (int i = 2; i < argv.length; i++) {
            if (Args.is(argv[i], "limit")) i += 2;
            else if (Args.is(argv[i], "get") || Args.is(argv[i], "by")) i += 1;
            else if (Args.is(argv[i], "store") && i + 1 < argv.length) store = i + 1;
        }
        if (store > 0) keys.add(new KeyPosition(store, statusSet("OW", "update")));
        return keys;
    }

    /** migrateGetKeys: argv[3], or what follows KEYS when argv[3] is empty (none when it is not). */
    private static List<KeyPosition> migrateKeys(byte[][] argv) {
        int first = 3;
        int count = 1;
        for (int i = 6; argv.length > 6 && i < argv.length; i++) {
            if (Args.is(argv[i], "keys")) {
                if (argv[3].length > 0) return List.of();
                first = i + 1;
                count = argv.length - first;
                break;
            }
            if (Args.is(argv[i], "auth")) i += 1;
            else if (Args.is(argv[i], "auth2")) i += 2;
        }
        List<KeyPosition> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) keys.add(new KeyPosition(first + i, statusSet("RW", "access", "delete")));
        return keys;
    }

    /** getKeysUsingKeySpecs: null when a spec is unknown or incomplete, or the arguments do not fit. */
    private static List<KeyPosition> bySpecs(CommandSpec command, byte[][] argv) {
        List<KeyPosition> keys = new ArrayList<>();
        int argc = argv.length;
        for (JsonNode spec : CommandTable.elements(command.info().get(8))) {
            JsonNode flags = CommandTable.mapValue(spec, "flags");
            if (contains(flags, "not_key")) continue;
            JsonNode begin = CommandTable.mapValue(spec, "begin_search");
            JsonNode beginSpec = CommandTable.mapValue(begin, "spec");
            String beginType = CommandTable.mapValue(begin, "type").asText();
            int first = 0;
            if (beginType.equals("index")) {
                first = CommandTable.mapValue(beginSpec, "index").asInt();
            } else if (beginType.equals("keyword")) {
                String keyword = CommandTable.mapValue(beginSpec, "keyword").asText();
                int startFrom = CommandTable.mapValue(beginSpec, "startfrom").asInt();
                int start = startFrom > 0 ? startFrom : argc + startFrom;
                int end = startFrom > 0 ? argc - 1 : 1;
                for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
                    if (i >= argc || i < 1) break;
                    if (Args.is(argv[i], keyword)) {
                        first = i + 1;
                        break;
                    }
                }
                if (first == 0) continue;
            } else {
                return null;
            }
            JsonNode find = CommandTable.mapValue(spec, "find_keys");
            JsonNode findSpec = CommandTable.mapValue(find, "spec");
            String findType = CommandTable.mapValue(find, "type").asText();
            int last;
            int step;
            if (findType.equals("range")) {
                step = CommandTable.mapValue(findSpec, "keystep").asInt();
                int lastKey = CommandTable.mapValue(findSpec, "lastkey").asInt();
                int limit = CommandTable.mapValue(findSpec, "limit").asInt();
                if (lastKey >= 0) last = first + lastKey;
                else if (limit == 0) last = argc + lastKey;
                else last = first + ((argc - first) / limit + lastKey);
            } else if (findType.equals("keynum")) {
                step = CommandTable.mapValue(findSpec, "keystep").asInt();
                int keyNumIndex = CommandTable.mapValue(findSpec, "keynumidx").asInt();
                if (keyNumIndex >= argc || first + keyNumIndex >= argc) return null;
                Long numKeys = Numbers.parseLongStrict(argv[first + keyNumIndex]);
                if (numKeys == null || numKeys < 0) return null;
                first += CommandTable.mapValue(findSpec, "firstkey").asInt();
                last = first + numKeys.intValue() - 1;
            } else {
                return null;
            }
            if (last >= argc || last < first || first >= argc) return null;
            for (int i = first; i <= last; i += step) keys.add(new KeyPosition(i, flags));
            if (contains(flags, "incomplete")) return null;
        }
        return keys;
    }

    /**
     * A spec marked {@code variable_flags} stands for flags that depend on the arguments; Redis's
     * getkeys procedures resolve them (setGetKeys: SET without GET only overwrites).
     */
    static JsonNode resolvedFlags(CommandSpec command, byte[][] argv, JsonNode flags) {
        if (!contains(flags, "variable_flags")) return flags;
        return switch (command.fullName()) {
            case "set" -> setFlags(argv);
            case "bitfield" -> bitfieldReadOnly(argv) ? statusSet("RO", "access") : statusSet("RW", "access", "update");
            default -> flags;
        };
    }

    /** setGetKeys: SET without GET only overwrites. */
    private static JsonNode setFlags(byte[][] argv) {
        boolean get = false;
        for (int i = 3; i < argv.length; i++) if (Args.is(argv[i], "GET")) get = true;
        return get ? statusSet("RW", "access", "update") : statusSet("OW", "update");
    }

    /** bitfieldGetKeys: only complete GET and OVERFLOW clauses make it a read (anything else may write). */
    private static boolean bitfieldReadOnly(byte[][] argv) {
        for (int i = 2; i < argv.length; i++) {
            int remaining = argv.length - i - 1;
            if (Args.is(argv[i], "get") && remaining >= 2) i += 2;
            else if (Args.is(argv[i], "overflow") && remaining >= 1) i += 1;
            else return false;
        }
        return true;
    }

    private static JsonNode statusSet(String... names) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var items = mapper.createArrayNode();
        for (String n : names) items.add(mapper.createObjectNode().put("+", n));
        var set = mapper.createObjectNode();
        set.set("~", items);
        return set;
    }

    private static boolean contains(JsonNode flags, String flag) {
        if (flags == null) return false;
        for (JsonNode f : CommandTable.elements(flags)) if (f.get("+").asText().equals(flag)) return true;
        return false;
    }
}
