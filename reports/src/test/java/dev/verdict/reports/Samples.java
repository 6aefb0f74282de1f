package dev.verdict.reports;

import dev.verdict.reports.commands.CommandTable;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the tests find the sample result files and the oracle's command table. */
public final class Samples {

    private Samples() {}

    public static Path resource(String name) {
        try {
            return Path.of(Samples.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    public static Path results() {
        return resource("sample-results");
    }

    public static Path allureResults() {
        return resource("sample-allure-results");
    }

    public static Path commandTableFile() {
        return RepoDir.find().resolve("reference-server/src/main/resources/commands/redis-7.0.15.json");
    }

    public static CommandTable commandTable() {
        return CommandTable.read(commandTableFile());
    }
}
