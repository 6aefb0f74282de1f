package dev.verdict.server;

/**
 * The server's notion of now. Like Redis's cached {@code server.mstime}, the time is frozen for
 * the duration of one command so that every expiry check inside it agrees.
 */
public final class ServerClock {

    private long cachedMillis = System.currentTimeMillis();

    public long millis() {
        return cachedMillis;
    }

    /** Called before each command and each cron tick. */
    public void update() {
        cachedMillis = System.currentTimeMillis();
    }
}
