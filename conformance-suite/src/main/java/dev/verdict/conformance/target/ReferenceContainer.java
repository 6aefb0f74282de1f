package dev.verdict.conformance.target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.utility.MountableFile;

/** The reference server's jar on the {@link JavaRuntimeImage}, copied in at start. */
public class ReferenceContainer extends ServerContainer<ReferenceContainer> {

    private static final String JAR_IN_CONTAINER = "/opt/verdict/reference-server.jar";

    public ReferenceContainer(Path referenceServerJar) {
        super(JavaRuntimeImage.resolve());
        withCopyFileToContainer(MountableFile.forHostPath(referenceServerJar), JAR_IN_CONTAINER);
    }

    @Override
    protected List<String> serverCommand(List<String> redisArgs) {
        List<String> command = new ArrayList<>(List.of(JavaRuntimeImage.JAVA_HOME_IN_IMAGE + "/bin/java",
                "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError", "-jar", JAR_IN_CONTAINER));
        command.addAll(redisArgs);
        return command;
    }
}
