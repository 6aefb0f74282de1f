package dev.verdict.reports.commands;

/**
 * One row of the compatibility matrix: a command ({@code GET}) or a subcommand ({@code CONFIG GET}),
 * with the family (Redis's command group) it belongs to.
 */
public record CommandEntry(String name, String family, String parent, String summary, boolean inOracleTable) {

    public boolean isSubcommand() {
        return parent != null;
    }
}
