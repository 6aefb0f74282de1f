package dev.verdict.server.type.zset;

/** Test access to the skiplist's structural check. */
final class ZSetTypeTestSupport {

    private ZSetTypeTestSupport() {
    }

    static boolean consistent(ZSetValue z) {
        return ZSetType.skiplistConsistent(z);
    }
}
