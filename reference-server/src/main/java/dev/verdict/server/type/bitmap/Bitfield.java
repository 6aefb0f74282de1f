package dev.verdict.server.type.bitmap;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.Errors;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.type.string.StringValue;

import java.util.ArrayList;
import java.util.List;

/**
 * BITFIELD and BITFIELD_RO: every operation is parsed and validated first, then the string is
 * made large enough for the farthest write, then the operations run in order, each replying
 * its value (or null when OVERFLOW FAIL refused it).
 */
final class Bitfield {

    private static final String BAD_TYPE =
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";

    private enum Op { GET, SET, INCRBY }

    private record Operation(Op op, boolean signed, int bits, long offset, long value, Overflow overflow) {
    }

    private Bitfield() {
    }

    static void command(Client client, byte[][] argv, boolean readOnlyCommand) {
        List<Operation> ops = new ArrayList<>();
        Overflow overflow = Overflow.WRAP;
        boolean readOnly = true;
        long highestWrite = 0;
        for (int j = 2; j < argv.length; j++) {
            int remaining = argv.length - j - 1;
            Op op;
            if (Args.is(argv[j], "GET") && remaining >= 2) {
                op = Op.GET;
            } else if (Args.is(argv[j], "SET") && remaining >= 3) {
                op = Op.SET;
            } else if (Args.is(argv[j], "INCRBY") && remaining >= 3) {
                op = Op.INCRBY;
            } else if (Args.is(argv[j], "OVERFLOW") && remaining >= 1) {
                byte[] type = argv[++j];
                if (Args.is(type, "WRAP")) overflow = Overflow.WRAP;
                else if (Args.is(type, "SAT")) overflow = Overflow.SAT;
                else if (Args.is(type, "FAIL")) overflow = Overflow.FAIL;
                else {
                    client.reply().error("ERR Invalid OVERFLOW type specified");
                    return;
                }
                continue;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
            byte[] type = argv[j + 1];
            boolean signed;
            if (type.length > 0 && (type[0] == 'i' || type[0] == 'I')) signed = true;
            else if (type.length > 0 && (type[0] == 'u' || type[0] == 'U')) signed = false;
            else {
                client.reply().error(BAD_TYPE);
                return;
            }
            Long bits = Args.parseLong(java.util.Arrays.copyOfRange(type, 1, type.length));
            if (bits == null || bits < 1 || (signed && bits > 64) || (!signed && bits > 63)) {
                client.reply().error(BAD_TYPE);
                return;
            }
            long offset = BitmapCommands.bitOffset(client, argv[j + 2], true, bits.intValue());
            if (offset < 0) return;
            long value = 0;
            if (op != Op.GET) {
                readOnly = false;
                highestWrite = Math.max(highestWrite, offset + bits - 1);
                Long v = Args.parseLong(argv[j + 3]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                value = v;
            }
            ops.add(new Operation(op, signed, bits.intValue(), offset, value, overflow));
            j += op == Op.GET ? 2 : 3;
        }
        StringValue target;
        if (readOnly) {
            target = BitmapCommands.readString(client, argv[1]);
            if (target == BitmapCommands.WRONG) return;
        } else {
            if (readOnlyCommand) {
                client.reply().error("ERR BITFIELD_RO only supports the GET subcommand");
                return;
            }
            target = BitmapCommands.writableFor(client, argv[1], highestWrite, new boolean[1]);
            if (target == null) return;
        }
        client.reply().arrayHeader(ops.size());
        int changes = 0;
        for (Operation o : ops) {
            if (o.op == Op.GET) {
                byte[] window = new byte[9];
                long firstByte = o.offset >> 3;
                if (target != null) {
                    byte[] src = target.bytes();
                    for (int i = 0; i < 9 && firstByte + i < src.length; i++) window[i] = src[(int) firstByte + i];
                }
                long relative = o.offset - firstByte * 8;
                client.reply().integer(o.signed ? Bits.getSigned(window, relative, o.bits)
                        : Bits.getUnsigned(window, relative, o.bits));
                continue;
            }
            byte[] p = target.bytes();
            long old = o.signed ? Bits.getSigned(p, o.offset, o.bits) : Bits.getUnsigned(p, o.offset, o.bits);
            Long stored;
            long reply;
            if (o.op == Op.INCRBY) {
                stored = o.signed ? o.overflow.signed(old, o.value, o.bits) : o.overflow.unsigned(old, o.value, o.bits);
                reply = stored == null ? 0 : stored;
            } else {
                stored = o.signed ? o.overflow.signed(o.value, 0, o.bits) : o.overflow.unsigned(o.value, 0, o.bits);
                reply = old;
            }
            if (stored == null) {
                client.reply().nullBulk(); // OVERFLOW FAIL: nothing written, no change counted
            } else {
                client.reply().integer(reply);
                Bits.set(p, o.offset, o.bits, stored);
                changes++;
            }
        }
        if (changes > 0) {
            client.db().signalModified(argv[1]);
            BitmapCommands.notify(client, KeyspaceEvents.STRING, "setbit", argv[1]);
        } else if (target != null) {
            // Redis creates the key but counts no change, so the command is not propagated
            client.server().persistence().preventCommandPropagation();
        }
    }
}
