package dev.verdict.server.util;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 20-byte running digest with Redis's two operations from debug.c: {@code xor} (order does not
 * matter: set members, hash fields) and {@code mix} (order matters: list elements, key then
 * value). DEBUG DIGEST and DIGEST-VALUE built on it compare across implementations.
 */
public final class ValueDigest {

    private final byte[] state = new byte[20];
    private final MessageDigest sha1;

    public ValueDigest() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Redis's xorDigest: state ^= SHA1(bytes). */
    public void xor(byte[] bytes) {
        xor(bytes, 0, bytes.length);
    }

    public void xor(byte[] bytes, int offset, int length) {
        sha1.update(bytes, offset, length);
        byte[] hash = sha1.digest();
        for (int i = 0; i < 20; i++) state[i] ^= hash[i];
    }

    /** Redis's mixDigest: state ^= SHA1(bytes), then state = SHA1(state). */
    public void mix(byte[] bytes) {
        xor(bytes);
        sha1.update(state);
        System.arraycopy(sha1.digest(), 0, state, 0, 20);
    }

    /** Folds another digest in by xor (Redis: {@code xorDigest(digest, eledigest, 20)}). */
    public void xorDigestOf(ValueDigest element) {
        xor(element.state);
    }

    /** Redis's {@code htonl(n)} mixed in: type ids and database numbers. */
    public void mixInt(int n) {
        mix(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    }

    public boolean isZero() {
        for (byte b : state) if (b != 0) return false;
        return true;
    }

    public String hex() {
        StringBuilder b = new StringBuilder(40);
        for (byte x : state) b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        return b.toString();
    }
}
