package dev.verdict.server.db;

import java.util.List;

/**
 * How generic code (SORT ... STORE) creates a list value without depending on the list type's
 * encoding; the list type installs one with {@link Keyspace#listFactory(ListFactory)}.
 */
@FunctionalInterface
public interface ListFactory {

    /** A new list holding {@code elements} head to tail, encoded as the list type decides. */
    RedisObject listOf(List<byte[]> elements);
}
