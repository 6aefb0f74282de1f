package dev.verdict.server.type.bitmap;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.Database;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.type.string.StringType;
import dev.verdict.server.type.string.StringValue;

/** Bitmap commands on strings (bitops.c): SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP; BITFIELD in {@link Bitfield}. */
public final class BitmapCommands implements CommandFamily {

    static final String BAD_OFFSET = "ERR bit offset is not an integer or out of range";

    @Override
    public void register(CommandTable table) {
        table.bind("setbit", BitmapCommands::setbit);
        table.bind("getbit", BitmapCommands::getbit);
        table.bind("bitcount", BitmapCommands::bitcount);
        table.bind("bitpos", BitmapCommands::bitpos);
        table.bind("bitop", BitmapCommands::bitop);
        table.bind("bitfield", (c, argv) -> Bitfield.command(c, argv, false));
        table.bind("bitfield_ro", (c, argv) -> Bitfield.command(c, argv, true));
    }

    /**
     * getBitOffsetFromArgument: a bit offset, {@code #n} meaning n fields of {@code bits} when
     * {@code hash}; -1 after replying the error (negative, or beyond proto-max-bulk-len bytes).
     */
    static long bitOffset(Client client, byte[] arg, boolean hash, int bits) {
        boolean useHash = hash && bits > 0 && arg.length > 0 && arg[0] == '#';
        byte[] digits = useHash ? java.util.Arrays.copyOfRange(arg, 1, arg.length) : arg;
        Long offset = Args.parseLong(digits);
        if (offset != null && useHash) offset *= bits;
        long limit = client.server().config().getMemory("proto-max-bulk-len");
        if (offset == null || offset < 0 || (offset >> 3) >= limit) {
            client.reply().error(BAD_OFFSET);
            return -1;
        }
        return offset;
    }

    /** The string at key for reading: null when missing; {@code WRONG} after a WRONGTYPE reply. */
    static StringValue readString(Client client, byte[] key) {
        RedisObject o = client.db().lookupRead(key);
        if (o == null) return null;
        if (o.type() != ObjectType.STRING) {
            client.reply().error(Errors.WRONGTYPE);
            return WRONG;
        }
        return (StringValue) o;
    }

    static final StringValue WRONG = StringValue.raw(new byte[0]);

    /**
     * lookupStringForBitCommand: the key's string made raw and long enough to hold bit
     * {@code maxBit} (created when missing), or null after a WRONGTYPE reply. {@code grew[0]}
     * tells whether it was created or lengthened.
     */
    static StringValue writableFor(Client client, byte[] key, long maxBit, boolean[] grew) {
        Database db = client.db();
        RedisObject o = db.lookup(key);
        if (o != null && o.type() != ObjectType.STRING) {
            client.reply().error(Errors.WRONGTYPE);
            return null;
        }
        StringValue value = (StringValue) o;
        int oldLength = value == null ? -1 : value.length();
        StringValue raw = StringType.writable(db, key, value, (int) (maxBit >> 3) + 1);
        grew[0] = raw.length() != oldLength;
        return raw;
    }

    static void setbit(Client client, byte[][] argv) {
        long offset = bitOffset(client, argv[2], false, 0);
        if (offset < 0) return;
        Long on = Args.parseLong(argv[3]);
        if (on == null || (on & ~1L) != 0) {
            client.reply().error("ERR bit is not an integer or out of range");
            return;
        }
        boolean[] grew = new boolean[1];
        StringValue value = writableFor(client, argv[1], offset, grew);
        if (value == null) return;
        byte[] bytes = value.bytes();
        int index = (int) (offset >> 3);
        int bit = 7 - (int) (offset & 7);
        int old = (bytes[index] >> bit) & 1;
        if (grew[0] || old != on) {
            bytes[index] = (byte) ((bytes[index] & ~(1 << bit)) | (on.intValue() << bit));
            client.db().signalModified(argv[1]);
            notify(client, KeyspaceEvents.STRING, "setbit", argv[1]);
        }
        client.reply().integer(old);
    }

    static void getbit(Client client, byte[][] argv) {
        long offset = bitOffset(client, argv[2], false, 0);
        if (offset < 0) return;
        StringValue value = readString(client, argv[1]);
        if (value == WRONG) return;
        client.reply().integer(value == null ? 0 : Bits.getBit(value.bytes(), offset));
    }

    /** A byte range of a string, and for BIT units the masks of bits outside it in its edge bytes. */
    private record Range(long start, long end, int firstMask, int lastMask) {

        /** Redis's index arithmetic: negative indexes from the end, clamped to the string. */
        static Range of(long start, long end, long length, boolean bitUnits) {
            long total = bitUnits ? length << 3 : length;
            if (start < 0) start = total + start;
            if (end < 0) end = total + end;
            if (start < 0) start = 0;
            if (end < 0) end = 0;
            if (end >= total) end = total - 1;
            int firstMask = 0, lastMask = 0;
            if (bitUnits && start <= end) {
                firstMask = ~((1 << (8 - (int) (start & 7))) - 1) & 0xff;
                lastMask = (1 << (7 - (int) (end & 7))) - 1;
                start >>= 3;
                end >>= 3;
            }
            return new Range(start, end, firstMask, lastMask);
        }
    }

    /** The unit argument: false for BYTE, true for BIT, null after a syntax error. */
    private static Boolean bitUnits(Client client, byte[] arg) {
        if (Args.is(arg, "BIT")) return true;
        if (Args.is(arg, "BYTE")) return false;
        client.reply().error(Errors.SYNTAX);
        return null;
    }

    static void bitcount(Client client, byte[][] argv) {
        StringValue value = readString(client, argv[1]);
        if (value == WRONG) return;
        if (value == null) {
            client.reply().integer(0);
            return;
        }
        byte[] s = value.bytes();
        Range range;
        if (argv.length == 4 || argv.length == 5) {
            Long start = Args.parseLong(argv[2]);
            Long end = start == null ? null : Args.parseLong(argv[3]);
            if (end == null) {
                client.reply().error(Errors.NOT_INTEGER);
                return;
            }
            if (start < 0 && end < 0 && start > end) {
                client.reply().integer(0);
                return;
            }
            boolean bits = false;
            if (argv.length == 5) {
                Boolean units = bitUnits(client, argv[4]);
                if (units == null) return;
                bits = units;
            }
            range = Range.of(start, end, s.length, bits);
        } else if (argv.length == 2) {
            range = new Range(0, s.length - 1, 0, 0);
        } else {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        if (range.start > range.end) {
            client.reply().integer(0);
            return;
        }
        int start = (int) range.start, end = (int) range.end;
        long count = Bits.popcount(s, start, end - start + 1);
        if (range.firstMask != 0) count -= Integer.bitCount(s[start] & range.firstMask);
        if (range.lastMask != 0) count -= Integer.bitCount(s[end] & range.lastMask);
        client.reply().integer(count);
    }

    static void bitpos(Client client, byte[][] argv) {
        Long bitArg = Args.parseLong(argv[2]);
        if (bitArg == null) {
            client.reply().error(Errors.NOT_INTEGER);
            return;
        }
        if (bitArg != 0 && bitArg != 1) {
            client.reply().error("ERR The bit argument must be 1 or 0.");
            return;
        }
        int bit = bitArg.intValue();
        StringValue value = readString(client, argv[1]);
        if (value == WRONG) return;
        if (value == null) {
            client.reply().integer(bit == 1 ? -1 : 0);
            return;
        }
        byte[] p = value.bytes();
        boolean endGiven = false;
        Range range;
        if (argv.length >= 4 && argv.length <= 6) {
            Long start = Args.parseLong(argv[3]);
            if (start == null) {
                client.reply().error(Errors.NOT_INTEGER);
                return;
            }
            boolean bits = false;
            if (argv.length == 6) {
                Boolean units = bitUnits(client, argv[5]);
                if (units == null) return;
                bits = units;
            }
            long end;
            if (argv.length >= 5) {
                Long e = Args.parseLong(argv[4]);
                if (e == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                end = e;
                endGiven = true;
            } else {
                end = bits ? ((long) p.length << 3) + 7 : p.length - 1;
            }
            range = Range.of(start, end, p.length, bits);
        } else if (argv.length == 3) {
            range = new Range(0, p.length - 1, 0, 0);
        } else {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        if (range.start > range.end) {
            client.reply().integer(-1);
            return;
        }
        client.reply().integer(findBit(p, range, bit, endGiven));
    }

    /** BITPOS's search with masked edge bytes, translated from bitposCommand step by step. */
    private static long findBit(byte[] p, Range range, int bit, boolean endGiven) {
        long start = range.start, end = range.end;
        long bytes = end - start + 1;
        int first = range.firstMask, last = range.lastMask;
        long pos;
        byte[] one = new byte[1];
        found:
        {
            if (first != 0) {
                int tmp = bit == 1 ? p[(int) start] & ~first : p[(int) start] | first;
                if (last != 0 && bytes == 1) tmp = bit == 1 ? tmp & ~last : tmp | last;
                one[0] = (byte) tmp;
                pos = Bits.bitpos(one, 0, 1, bit);
                if (bytes == 1 || (pos != -1 && pos != 8)) break found;
                start++;
                bytes--;
            }
            long current = bytes - (last != 0 ? 1 : 0);
            if (current > 0) {
                pos = Bits.bitpos(p, (int) start, (int) current, bit);
                if (bytes == current || (pos != -1 && pos != current << 3)) break found;
                start += current;
                bytes -= current;
            }
            int tmp = bit == 1 ? p[(int) end] & ~last : p[(int) end] | last;
            one[0] = (byte) tmp;
            pos = Bits.bitpos(one, 0, 1, bit);
        }
        if (endGiven && bit == 0 && pos == bytes << 3) return -1;
        if (pos != -1) pos += start << 3;
        return pos;
    }

    static void bitop(Client client, byte[][] argv) {
        byte[] opName = argv[1];
        char op;
        if (Args.is(opName, "AND")) op = '&';
        else if (Args.is(opName, "OR")) op = '|';
        else if (Args.is(opName, "XOR")) op = '^';
        else if (Args.is(opName, "NOT")) op = '~';
        else {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        if (op == '~' && argv.length != 4) {
            client.reply().error("ERR BITOP NOT must be called with a single source key.");
            return;
        }
        int keys = argv.length - 3;
        byte[][] sources = new byte[keys][];
        int maxLength = 0;
        for (int j = 0; j < keys; j++) {
            StringValue value = readString(client, argv[j + 3]);
            if (value == WRONG) return;
            sources[j] = value == null ? new byte[0] : value.bytes();
            maxLength = Math.max(maxLength, sources[j].length);
        }
        Database db = client.db();
        byte[] target = argv[2];
        if (maxLength > 0) {
            byte[] result = new byte[maxLength];
            for (int i = 0; i < maxLength; i++) {
                int out = at(sources[0], i);
                if (op == '~') out = ~out;
                for (int k = 1; k < keys; k++) {
                    int b = at(sources[k], i);
                    out = op == '&' ? out & b : op == '|' ? out | b : out ^ b;
                }
                result[i] = (byte) out;
            }
            db.setKey(target, StringValue.raw(result), false);
            notify(client, KeyspaceEvents.STRING, "set", target);
        } else if (db.delete(target)) {
            notify(client, KeyspaceEvents.GENERIC, "del", target);
        }
        client.reply().integer(maxLength);
    }

    private static int at(byte[] s, int i) {
        return i < s.length ? s[i] & 0xff : 0;
    }

    static void notify(Client client, int type, String event, byte[] key) {
        client.server().events().notify(type, event, key, client.db().id());
    }
}
