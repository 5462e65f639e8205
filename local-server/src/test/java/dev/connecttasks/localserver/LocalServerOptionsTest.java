package dev.connecttasks.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.domain.policy.RatePolicy;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line: defaults, every flag, and refusals that name the flag. */
class LocalServerOptionsTest {

    @Test
    void defaultsAreTheServicesOwn() {
        LocalServer.LocalServerOptions options = LocalServer.LocalServerOptions.parse(new String[0]);
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:h2:file:./data/connect-tasks");
        assertThat(options.credentials()).isNull();
        assertThat(options.policy()).isEqualTo(TaskPolicy.defaults());
        assertThat(options.h2CompactAtGrowth()).isEqualTo(2.0);
        assertThat(options.h2CompactAboveMb()).isEqualTo(1);
        assertThat(options.h2CompactUnderLoadAt()).isEqualTo(2.3);
        assertThat(options.h2CompactUnderLoadAboveMb()).isEqualTo(64);
    }

    @Test
    void theRunningCompactionOfAnH2FileIsSetOrTurnedOff() {
        LocalServer.LocalServerOptions set = LocalServer.LocalServerOptions.parse(new String[] {"--h2-compact-at-growth", "3.5", "--h2-compact-above-mb", "0"});
        assertThat(set.h2CompactAtGrowth()).isEqualTo(3.5);
        assertThat(set.h2CompactAboveMb()).isZero();
        assertThat(LocalServer.LocalServerOptions.parse(new String[] {"--h2-compact-at-growth", "0"}).h2CompactAtGrowth()).isZero();
        for (String growth : new String[] {"1", "0.5", "-2", "NaN", "many"}) {
            assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--h2-compact-at-growth", growth}))
                    .as(growth).hasMessageContaining("--h2-compact-at-growth");
        }
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--h2-compact-above-mb", "-1"}))
                .hasMessageContaining("--h2-compact-above-mb must be 0 or more");
        LocalServer.LocalServerOptions underLoad = LocalServer.LocalServerOptions.parse(new String[] {"--h2-compact-under-load-at", "4",
                "--h2-compact-under-load-above-mb", "512"});
        assertThat(underLoad.h2CompactUnderLoadAt()).isEqualTo(4.0);
        assertThat(underLoad.h2CompactUnderLoadAboveMb()).isEqualTo(512);
        assertThat(LocalServer.LocalServerOptions.parse(new String[] {"--h2-compact-under-load-at", "0"}).h2CompactUnderLoadAt()).isZero();
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--h2-compact-under-load-at", "1"}))
                .hasMessageContaining("--h2-compact-under-load-at");
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--h2-compact-under-load-above-mb", "-1"}))
                .hasMessageContaining("--h2-compact-under-load-above-mb must be 0 or more");
    }

    @Test
    void anH2FileIsClosedByTheServerAloneUnlessTheUrlSaysOtherwise() {
        assertThat(LocalServer.LocalServerOptions.parse(new String[0]).closedByTheServerOnly().jdbcUrl())
                .isEqualTo("jdbc:h2:file:./data/connect-tasks;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(LocalServer.LocalServerOptions.parse(new String[] {"--jdbc-url", "jdbc:h2:file:/x;db_close_on_exit=true"})
                .closedByTheServerOnly().jdbcUrl()).isEqualTo("jdbc:h2:file:/x;db_close_on_exit=true");
        assertThat(LocalServer.LocalServerOptions.parse(new String[] {"--jdbc-url", "jdbc:postgresql://db/test"})
                .closedByTheServerOnly().jdbcUrl()).isEqualTo("jdbc:postgresql://db/test");
    }

    @Test
    void theTriggersRefuseAGrowthThatWouldRewriteForeverOrNever() {
        assertThatThrownBy(() -> new RunningH2Compaction.Triggers(0, 0, 0, 0, 0)).hasMessageContaining("both triggers are off");
        assertThatThrownBy(() -> new RunningH2Compaction.Triggers(1, 0, 0, 0, 0)).hasMessageContaining("quiet growth");
        assertThatThrownBy(() -> new RunningH2Compaction.Triggers(0, 0, 0, 0.9, 0)).hasMessageContaining("load growth");
        assertThatThrownBy(() -> new RunningH2Compaction.Triggers(2, -1, 0, 0, 0)).hasMessageContaining("0 or more");
        assertThat(new RunningH2Compaction.Triggers(0, 0, 0, 2.5, 0).loadGrowth()).isEqualTo(2.5);
    }

    @Test
    void theFileOfAnH2UrlIsFoundAsH2FindsIt() {
        assertThat(RunningH2Compaction.h2File("jdbc:h2:file:./data/connect-tasks;WRITE_DELAY=0"))
                .isEqualTo(java.nio.file.Path.of("data/connect-tasks.mv.db").toAbsolutePath());
        assertThat(RunningH2Compaction.h2File("jdbc:h2:file:/srv/ct")).isEqualTo(java.nio.file.Path.of("/srv/ct.mv.db"));
        assertThat(RunningH2Compaction.h2File("jdbc:h2:file:~/ct")).isEqualTo(java.nio.file.Path.of(System.getProperty("user.home"), "ct.mv.db"));
        assertThatThrownBy(() -> RunningH2Compaction.h2File("jdbc:h2:mem:x")).hasMessageContaining("not an H2 file URL");
    }

    @Test
    void everyFlagSetsWhatItSays() {
        LocalServer.LocalServerOptions options = LocalServer.LocalServerOptions.parse(new String[] {"--port", "9000", "--jdbc-url",
                "jdbc:postgresql://db/test", "--jdbc-user", "u", "--jdbc-password", "p", "--credentials", "AK:SK", "--no-throttling",
                "--linked-tasks-per-contact", "3", "--linked-tasks-per-chain", "--open-tasks-per-instance", "7", "--reschedules-per-task", "2", "--task-expiry-minutes", "90",
                "--schedule-window-days", "90", "--client-token-lifetime-hours", "1", "--start-task-rate", "50:100",
                "--contact-operation-rate", "20:30"});
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://db/test");
        assertThat(options.jdbcUser()).isEqualTo("u");
        assertThat(options.jdbcPassword()).isEqualTo("p");
        assertThat(options.credentials()).isEqualTo("AK:SK");
        TaskPolicy policy = options.policy();
        assertThat(policy.throttlingEnabled()).isFalse();
        assertThat(policy.linkedTasksPerContact()).isEqualTo(3);
        assertThat(policy.linkedTaskCounting()).isEqualTo(dev.connecttasks.domain.policy.LinkedTaskCounting.PER_CHAIN);
        assertThat(policy.openTasksPerInstance()).isEqualTo(7);
        assertThat(policy.reschedulesPerTask()).isEqualTo(2);
        assertThat(policy.taskExpiry()).isEqualTo(Duration.ofMinutes(90));
        assertThat(policy.scheduleWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(policy.clientTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.startTaskRate()).isEqualTo(new RatePolicy(50, 100));
        assertThat(policy.contactOperationRate()).isEqualTo(new RatePolicy(20, 30));
    }

    @Test
    void badFlagsAreRefusedByName() {
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--port", "eighty"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--port", "70000"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--jdbc-url"})).hasMessageContaining("--jdbc-url needs a value");
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--credentials", "nocolon"})).hasMessageContaining("--credentials");
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--start-task-rate", "5"})).hasMessageContaining("--start-task-rate");
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--verbose"})).hasMessageContaining("unknown flag --verbose");
    }

    @Test
    void hostInMemoryQuietTestControlsAndVersionAreParsed() {
        LocalServer.LocalServerOptions defaults = LocalServer.LocalServerOptions.parse(new String[0]);
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.inMemory()).isFalse();
        assertThat(defaults.quiet()).isFalse();
        assertThat(defaults.version()).isFalse();
        assertThat(defaults.testControls()).as("test controls are off unless asked for").isFalse();
        LocalServer.LocalServerOptions set = LocalServer.LocalServerOptions.parse(new String[] {"--host", "0.0.0.0", "--in-memory", "--quiet",
                "--version", "--test-controls"});
        assertThat(set.testControls()).isTrue();
        assertThat(LocalServer.LocalServerOptions.parse(new String[0], java.util.Map.of("CONNECT_TASKS_TEST_CONTROLS", "true")).testControls())
                .isTrue();
        assertThat(set.host()).isEqualTo("0.0.0.0");
        assertThat(set.inMemory()).isTrue();
        assertThat(set.quiet()).isTrue();
        assertThat(set.version()).isTrue();
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--in-memory", "--jdbc-url", "jdbc:h2:mem:x"}))
                .hasMessage("--in-memory and --jdbc-url exclude each other");
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[] {"--host"})).hasMessage("--host needs a value");
    }

    @Test
    void everyFlagComesFromTheEnvironmentTooAndAGivenFlagWins() {
        java.util.Map<String, String> environment = java.util.Map.of("CONNECT_TASKS_PORT", "9001", "CONNECT_TASKS_OPEN_TASKS_PER_INSTANCE", "7",
                "CONNECT_TASKS_NO_THROTTLING", "true", "CONNECT_TASKS_QUIET", "false", "CONNECT_TASKS_START_TASK_RATE", "3:4");
        LocalServer.LocalServerOptions fromEnvironment = LocalServer.LocalServerOptions.parse(new String[0], environment);
        assertThat(fromEnvironment.port()).isEqualTo(9001);
        assertThat(fromEnvironment.policy().openTasksPerInstance()).isEqualTo(7);
        assertThat(fromEnvironment.policy().throttlingEnabled()).isFalse();
        assertThat(fromEnvironment.quiet()).isFalse();
        assertThat(fromEnvironment.policy().startTaskRate()).isEqualTo(new RatePolicy(3, 4));
        assertThat(LocalServer.LocalServerOptions.parse(new String[] {"--port", "9002"}, environment).port()).isEqualTo(9002);
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[0], java.util.Map.of("CONNECT_TASKS_QUIET", "yes")))
                .hasMessage("CONNECT_TASKS_QUIET must be true or false, not 'yes'");
        assertThatThrownBy(() -> LocalServer.LocalServerOptions.parse(new String[0], java.util.Map.of("CONNECT_TASKS_PORT", "http")))
                .hasMessageContaining("--port must be a whole number");
        assertThat(LocalServer.LocalServerOptions.environmentName("--h2-compact-under-load-above-mb"))
                .isEqualTo("CONNECT_TASKS_H2_COMPACT_UNDER_LOAD_ABOVE_MB");
    }

    @Test
    void onlyAFileAtOrAboveTheThresholdIsRewrittenAtStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("data");
        LocalServer.LocalServerOptions options = LocalServer.LocalServerOptions.parse(new String[] {"--jdbc-url", url, "--h2-compact-above-mb", "1"});
        assertThat(LocalServer.worthCompactingAtStart(options)).as("no file yet").isFalse();
        java.nio.file.Path file = directory.resolve("data.mv.db");
        java.nio.file.Files.write(file, new byte[1024 * 1024 - 1]);
        assertThat(LocalServer.worthCompactingAtStart(options)).as("under 1 MiB").isFalse();
        java.nio.file.Files.write(file, new byte[1024 * 1024]);
        assertThat(LocalServer.worthCompactingAtStart(options)).as("1 MiB").isTrue();
    }
}
