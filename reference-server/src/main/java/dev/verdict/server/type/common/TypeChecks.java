package dev.verdict.server.type.common;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;

/** Redis's checkType: a present value of another type answers WRONGTYPE. */
public final class TypeChecks {

    private TypeChecks() {
    }

    /** True (after replying WRONGTYPE) when {@code value} exists and is not of {@code type}. */
    public static boolean wrongType(Client client, RedisObject value, ObjectType type) {
        if (value != null && value.type() != type) {
            client.reply().error(Errors.WRONGTYPE);
            return true;
        }
        return false;
    }

    /**
     * The value at {@code key} for a command that may write it (lookupKeyWrite, then checkType):
     * null when missing, {@code wrong} (the caller's sentinel) after replying WRONGTYPE.
     */
    public static <T extends RedisObject> T lookup(Client client, byte[] key, ObjectType type, T wrong) {
        return checked(client, client.db().lookup(key), type, wrong);
    }

    /** As {@link #lookup}, counted in keyspace hits and misses (lookupKeyRead). */
    public static <T extends RedisObject> T lookupRead(Client client, byte[] key, ObjectType type, T wrong) {
        return checked(client, client.db().lookupRead(key), type, wrong);
    }

    // Each ObjectType has one value class, so a value that passed the type check is a T.
    @SuppressWarnings("unchecked")
    private static <T extends RedisObject> T checked(Client client, RedisObject value, ObjectType type, T wrong) {
        return wrongType(client, value, type) ? wrong : (T) value;
    }
}
