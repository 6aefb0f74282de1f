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
}
