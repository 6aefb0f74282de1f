package dev.verdict.server.persistence.rdb;

/** A file or payload that cannot be read as RDB: the message says why, as Redis would report it. */
public class RdbException extends Exception {

    public RdbException(String message) {
        super(message);
    }
}
