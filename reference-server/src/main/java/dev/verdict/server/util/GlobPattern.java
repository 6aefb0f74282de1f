package dev.verdict.server.util;

/**
 * Redis's glob-style matcher (util.c stringmatchlen): {@code *}, {@code ?}, {@code [...]} with
 * ranges and {@code ^}, backslash escapes; bytes compare as signed chars, as on x86 Redis; an
 * unterminated {@code [} and a trailing backslash behave as Redis's. Used by KEYS, SCAN MATCH
 * pattern subscriptions, CONFIG GET and the *SCAN commands.
 */
public final class GlobPattern {

    /** Protection against abusive patterns, as in Redis. */
    private static final int MAX_NESTING = 1000;

    private final byte[] pattern;
    private final boolean nocase;
    private boolean skipLongerMatches;

    private GlobPattern(byte[] pattern, boolean nocase) {
        this.pattern = pattern;
        this.nocase = nocase;
    }

    public static boolean matches(byte[] pattern, byte[] string) {
        return matches(pattern, string, false);
    }

    public static boolean matches(byte[] pattern, byte[] string, boolean nocase) {
        return new GlobPattern(pattern, nocase).match(0, string, 0, 0);
    }

    /** For patterns over names (CONFIG GET, COMMAND LIST FILTERBY PATTERN). */
    public static boolean matches(String pattern, String string, boolean nocase) {
        return matches(pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                string.getBytes(java.nio.charset.StandardCharsets.UTF_8), nocase);
    }

    /** pattern[i] with C's terminating NUL past the end. */
    private byte p(int i) {
        return i < pattern.length ? pattern[i] : 0;
    }

    private static byte at(byte[] s, int i) {
        return i < s.length ? s[i] : 0;
    }

    private boolean match(int pi, byte[] string, int si, int nesting) {
        if (nesting > MAX_NESTING) return false;
        int patternLen = pattern.length - pi;
        int stringLen = string.length - si;
        while (patternLen > 0 && stringLen > 0) {
            switch (p(pi)) {
                case '*' -> {
                    while (patternLen > 0 && p(pi + 1) == '*') {
                        pi++;
                        patternLen--;
                    }
                    if (patternLen == 1) return true;
                    while (stringLen > 0) {
                        if (match(pi + 1, string, si, nesting + 1)) return true;
                        if (skipLongerMatches) return false;
                        si++;
                        stringLen--;
                    }
                    skipLongerMatches = true;
                    return false;
                }
                case '?' -> {
                    si++;
                    stringLen--;
                }
                case '[' -> {
                    pi++;
                    patternLen--;
                    boolean not = p(pi) == '^';
                    if (not) {
                        pi++;
                        patternLen--;
                    }
                    boolean matched = false;
                    byte c = at(string, si);
                    while (true) {
                        if (p(pi) == '\\' && patternLen >= 2) {
                            pi++;
                            patternLen--;
                            if (p(pi) == c) matched = true;
                        } else if (p(pi) == ']') {
                            break;
                        } else if (patternLen == 0) {
                            pi--;
                            patternLen++;
                            break;
                        } else if (patternLen >= 3 && p(pi + 1) == '-') {
                            int start = p(pi), end = p(pi + 2), ch = c;
                            if (start > end) {
                                int t = start;
                                start = end;
                                end = t;
                            }
                            if (nocase) {
                                start = lower(start);
                                end = lower(end);
                                ch = lower(ch);
                            }
                            pi += 2;
                            patternLen -= 2;
                            if (ch >= start && ch <= end) matched = true;
                        } else if (same(p(pi), c)) {
                            matched = true;
                        }
                        pi++;
                        patternLen--;
                    }
                    if (not) matched = !matched;
                    if (!matched) return false;
                    si++;
                    stringLen--;
                }
                default -> {
                    if (p(pi) == '\\' && patternLen >= 2) {
                        pi++;
                        patternLen--;
                    }
                    if (!same(p(pi), at(string, si))) return false;
                    si++;
                    stringLen--;
                }
            }
            pi++;
            patternLen--;
            if (stringLen == 0) {
                while (p(pi) == '*') {
                    pi++;
                    patternLen--;
                }
                break;
            }
        }
        return patternLen == 0 && stringLen == 0;
    }

    private boolean same(byte a, byte b) {
        return nocase ? lower(a) == lower(b) : a == b;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
