package dev.verdict.server.db;

/** A value with named fields (hashes), readable by generic code such as SORT's {@code key->field} patterns. */
public interface Fields {

    /** The field's value, or null when the field is absent. */
    byte[] fieldValue(byte[] field);
}
