package dev.verdict.server.db;

import java.util.function.Consumer;

/**
 * A collection value whose members generic code (SORT) can read without knowing its type or
 * encoding. Lists give their elements head to tail, sets in their iteration order, sorted sets
 * by ascending score (then member).
 */
public interface Elements {

    long elementCount();

    void forEachElement(Consumer<byte[]> action);
}
