package dev.verdict.server.tracking;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * One client's CLIENT TRACKING state (Redis's CLIENT_TRACKING_* flags, client_tracking_redirection
 * and client_tracking_prefixes). A client holds one only while tracking is on, so the hot path
 * asks a single field whether it tracks at all.
 */
public final class ClientTracking {

    /** The client invalidations go to instead of this one, 0 for none. */
    long redirect;
    boolean bcast;
    boolean optin;
    boolean optout;
    boolean noloop;
    /** CLIENT CACHING YES (OPTIN) or NO (OPTOUT) given for the next command. */
    boolean caching;
    /** The redirect client was gone when an invalidation had to be sent. */
    boolean brokenRedirect;
    /** BCAST prefixes in the order Redis's radix tree lists them; null outside BCAST mode. */
    TreeSet<byte[]> prefixes;

    ClientTracking() {
    }

    public long redirect() {
        return redirect;
    }

    public boolean bcast() {
        return bcast;
    }

    public boolean optin() {
        return optin;
    }

    public boolean optout() {
        return optout;
    }

    public boolean noloop() {
        return noloop;
    }

    public boolean caching() {
        return caching;
    }

    public boolean brokenRedirect() {
        return brokenRedirect;
    }

    /** CLIENT CACHING's effect ends with the command after it (resetClient). */
    public void endCaching() {
        caching = false;
    }

    /** Whether the keys of the command now running are remembered: OPTIN needs CACHING YES, OPTOUT skips after CACHING NO. */
    boolean remembersKeys() {
        return !((optin && !caching) || (optout && caching));
    }

    static TreeSet<byte[]> newPrefixSet() {
        return new TreeSet<>(Arrays::compareUnsigned);
    }
}
