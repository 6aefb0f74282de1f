package dev.verdict.reports.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verdict.reports.Samples;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    private final CommandTable table = Samples.commandTable();

    @Test
    void holdsEveryRedis70CommandAndEverySubcommand() {
        assertThat(table.redisVersion()).isEqualTo("7.0.15");
        assertThat(table.topLevelCount()).isEqualTo(240);
        assertThat(table.size()).isEqualTo(240 + 126);
    }

    @Test
    void subcommandsAreNamedAsTheResultsNameThemAndKeepTheirGroup() {
        CommandEntry configGet = table.find("config get").orElseThrow();
        assertThat(configGet.name()).isEqualTo("CONFIG GET");
        assertThat(configGet.parent()).isEqualTo("CONFIG");
        assertThat(configGet.family()).isEqualTo("server");
        assertThat(table.find("SET").orElseThrow().family()).isEqualTo("string");
        assertThat(table.find("")).isEmpty();
    }

    @Test
    void rowsPutSubcommandsRightAfterTheirCommandAndAddCommandsOnlyTheResultsKnow() {
        var rows = table.rows(Map.of("FOO.BAR", "modules")).stream().map(CommandEntry::name).toList();
        assertThat(rows).hasSize(367).contains("FOO.BAR");
        int config = rows.indexOf("CONFIG");
        assertThat(rows.subList(config + 1, config + 6))
                .containsExactly("CONFIG GET", "CONFIG HELP", "CONFIG RESETSTAT", "CONFIG REWRITE", "CONFIG SET");
    }
}
