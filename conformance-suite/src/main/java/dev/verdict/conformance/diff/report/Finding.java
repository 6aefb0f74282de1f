package dev.verdict.conformance.diff.report;

import java.util.List;

/**
 * One mismatch, shrunk. {@code reproduction} is one redis-cli line per command; {@code replyA}/{@code replyB} are
 * the raw replies of the last command. {@code occurrences} counts the sequences in which this command mismatched.
 */
public record Finding(String id, String command, String family, long seed, List<String> reproduction,
                      String replyA, String replyB, int originalLength, int occurrences, boolean accepted,
                      String reason) {

    public Finding withAcceptance(boolean isAccepted, String why) {
        return new Finding(id, command, family, seed, reproduction, replyA, replyB, originalLength, occurrences,
                isAccepted, why);
    }

    public Finding withOccurrences(int n) {
        return new Finding(id, command, family, seed, reproduction, replyA, replyB, originalLength, n, accepted,
                reason);
    }
}
