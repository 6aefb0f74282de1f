package dev.verdict.reports;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, against which the default folders are resolved. */
final class RepoDir {

    private RepoDir() {}

    /**
     * The nearest folder holding reports/pom.xml, looking up from verdict.repo.dir if set (Maven
     * sets it to the folder it was started in, which may be reports/ itself), else from here.
     */
    static Path find() {
        String configured = System.getProperty("verdict.repo.dir");
        Path start = (configured != null && !configured.isBlank() ? Path.of(configured) : Path.of(""))
                .toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("reports").resolve("pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return start;
    }
}
