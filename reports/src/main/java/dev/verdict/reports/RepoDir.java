package dev.verdict.reports;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, against which the default folders are resolved. */
final class RepoDir {

    private RepoDir() {}

    /** verdict.repo.dir if set, else the nearest folder up from here that holds reports/pom.xml. */
    static Path find() {
        String configured = System.getProperty("verdict.repo.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("reports").resolve("pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return here;
    }
}
