package dev.verdict.server.command;

/** Redis's shared error replies, verbatim (without the leading '-'). */
public final class Errors {

    public static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public static final String SYNTAX = "ERR syntax error";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String NO_SUCH_KEY = "ERR no such key";
    public static final String OUT_OF_RANGE = "ERR index out of range";
    public static final String NOAUTH = "NOAUTH Authentication required.";
    public static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    public static final String READONLY = "READONLY You can't write against a read only replica.";
    public static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";
    public static final String DB_INDEX = "ERR DB index is out of range";
    /** getIntFromObjectOrReply's range error. */
    public static final String INT_RANGE = "ERR value is out of range, value must between -2147483648 and 2147483647";
    public static final String OVERFLOW = "ERR increment or decrement would overflow";

    private Errors() {
    }

    public static String wrongArity(String fullName) {
        return "ERR wrong number of arguments for '" + fullName + "' command";
    }
}
