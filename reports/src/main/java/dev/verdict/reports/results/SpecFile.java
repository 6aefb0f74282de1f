package dev.verdict.reports.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

@JsonIgnoreProperties(ignoreUnknown = true)
record SpecFile(String suite, String family, List<SpecCase> cases) {
    SpecFile {
        cases = cases == null ? List.of() : cases;
    }
}
