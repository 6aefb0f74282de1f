package dev.verdict.server.util;

/**
 * Redis's glob-style matcher ({@code stringmatchlen}): {@code *}, {@code ?}, {@code [abc]},
 * {@code [^a-z]}, backslash escapes. Used by KEYS, SCAN MATCH, PSUBSCRIBE and CONFIG GET.
 */
public final class GlobPattern {

    private GlobPattern() {
    }

    public static boolean matches(byte[] pattern, byte[] string, boolean nocase) {
        return match(pattern, 0, string, 0, nocase, new boolean[1], 0);
    }

    public static boolean matches(String pattern, String string, boolean nocase) {
        return matches(pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                string.getBytes(java.nio.charset.StandardCharsets.UTF_8), nocase);
    }

    /** {@code skipLonger} mirrors Redis: once a '*' failed for every suffix, longer matches fail too. */
    private static boolean match(byte[] p, int pi, byte[] s, int si, boolean nocase, boolean[] skipLonger, int nesting) {
        // Like Redis 7.0.15, bound the recursion so pathological patterns cannot blow the stack.
        if (nesting > 1000) return false;
        while (pi < p.length && si < s.length) {
            switch (p[pi]) {
                case '*' -> {
                    while (pi + 1 < p.length && p[pi + 1] == '*') pi++;
                    if (pi + 1 == p.length) return true;
                    for (int i = si; i < s.length; i++) {
                        if (match(p, pi + 1, s, i, nocase, skipLonger, nesting + 1)) return true;
                        if (skipLonger[0]) return false;
                    }
                    skipLonger[0] = true;
                    return false;
                }
                case '?' -> si++;
                case '[' -> {
                    pi++;
                    boolean not = pi < p.length && p[pi] == '^';
                    if (not) pi++;
                    boolean matched = false;
                    while (true) {
                        if (pi < p.length && p[pi] == '\\' && p.length - pi >= 2) {
                            pi++;
                            if (p[pi] == s[si]) matched = true;
                        } else if (pi >= p.length || p[pi] == ']') {
                            break;
                        } else if (p.length - pi >= 3 && p[pi + 1] == '-') {
                            int start = p[pi] & 0xff;
                            int end = p[pi + 2] & 0xff;
                            int c = s[si] & 0xff;
                            if (start > end) {
                                int t = start;
                                start = end;
                                end = t;
                            }
                            if (nocase) {
                                start = lower(start);
                                end = lower(end);
                                c = lower(c);
                            }
                            pi += 2;
                            if (c >= start && c <= end) matched = true;
                        } else if (same(p[pi], s[si], nocase)) {
                            matched = true;
                        }
                        pi++;
                    }
                    if (pi >= p.length) pi--; // Redis: an unterminated class ends at the pattern's end
                    if (not) matched = !matched;
                    if (!matched) return false;
                    si++;
                }
                case '\\' -> {
                    if (p.length - pi >= 2) pi++;
                    if (!same(p[pi], s[si], nocase)) return false;
                    si++;
                }
                default -> {
                    if (!same(p[pi], s[si], nocase)) return false;
                    si++;
                }
            }
            pi++;
        }
        if (si == s.length) {
            while (pi < p.length && p[pi] == '*') pi++;
        }
        return pi == p.length && si == s.length;
    }

    private static boolean same(byte a, byte b, boolean nocase) {
        return nocase ? lower(a & 0xff) == lower(b & 0xff) : a == b;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
