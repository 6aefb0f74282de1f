package dev.verdict.server.replication;

import java.security.SecureRandom;

/** 40 random hex characters: run ids and replication ids (getRandomHexChars). */
public final class ReplicationIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReplicationIds() {
    }

    public static String random() {
        StringBuilder b = new StringBuilder(40);
        for (int i = 0; i < 40; i++) b.append(Character.forDigit(RANDOM.nextInt(16), 16));
        return b.toString();
    }
}
