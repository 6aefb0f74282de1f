package dev.verdict.server.connection;

/** Redis's rule for client names: printable ASCII without spaces (validateClientName). */
public final class ClientNames {

    public static final String INVALID = "ERR Client names cannot contain spaces, newlines or special characters.";

    private ClientNames() {
    }

    public static boolean valid(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '!' || c > '~') return false;
        }
        return true;
    }
}
