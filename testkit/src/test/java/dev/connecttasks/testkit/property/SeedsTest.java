package dev.connecttasks.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a run's seed and try count come from: what a user types after {@code -D} to replay a
 * failure, explore, or cap a slow suite (the report's name: {@code naming.PropertyNamingTest}).
 */
class SeedsTest {

    private String seed;
    private String tries;
    private String maxTries;

    @BeforeEach
    void clearTheSettings() {
        seed = System.clearProperty(Seeds.SEED_PROPERTY);
        tries = System.clearProperty(Seeds.TRIES_PROPERTY);
        maxTries = System.clearProperty(Seeds.MAX_TRIES_PROPERTY);
    }

    @AfterEach
    void restoreTheSettings() {
        restore(Seeds.SEED_PROPERTY, seed);
        restore(Seeds.TRIES_PROPERTY, tries);
        restore(Seeds.MAX_TRIES_PROPERTY, maxTries);
    }

    @Test
    void withoutSettingsAPropertyRunsTheTriesItDeclares() {
        assertThat(Seeds.tries(500)).isEqualTo(500);
        assertThat(Seeds.tries(1)).isEqualTo(1);
    }

    @Test
    void theTriesSettingReplacesEveryDeclaredCountAndTheMaximumCapsIt() {
        System.setProperty(Seeds.TRIES_PROPERTY, " 7 ");
        assertThat(Seeds.tries(500)).isEqualTo(7);
        assertThat(Seeds.tries(3)).isEqualTo(7);
        System.clearProperty(Seeds.TRIES_PROPERTY);
        System.setProperty(Seeds.MAX_TRIES_PROPERTY, "40");
        assertThat(Seeds.tries(500)).as("capped").isEqualTo(40);
        assertThat(Seeds.tries(40)).as("at the cap").isEqualTo(40);
        assertThat(Seeds.tries(10)).as("under the cap: kept").isEqualTo(10);
        System.setProperty(Seeds.TRIES_PROPERTY, "100");
        assertThat(Seeds.tries(5)).as("the tries setting, then the cap").isEqualTo(40);
        System.setProperty(Seeds.MAX_TRIES_PROPERTY, "");
        assertThat(Seeds.tries(5)).as("an empty cap is no cap").isEqualTo(100);
    }

    @Test
    void aTryCountUnderOneOrNotANumberIsRefusedNamingTheSetting() {
        System.setProperty(Seeds.TRIES_PROPERTY, "0");
        assertThatThrownBy(() -> Seeds.tries(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dproperty.tries must be >= 1, was 0");
        System.setProperty(Seeds.TRIES_PROPERTY, "1");
        assertThat(Seeds.tries(10)).as("one is the least").isEqualTo(1);
        System.setProperty(Seeds.MAX_TRIES_PROPERTY, "many");
        assertThatThrownBy(() -> Seeds.tries(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dproperty.tries.max must be an integer, was 'many'");
    }

    @Test
    void aSeedComesFromTheSettingThenTheRunThenTheName() {
        assertThat(Seeds.resolve("name", 5L)).as("the run's own seed").isEqualTo(5L);
        assertThat(Seeds.resolve("name", null)).as("the name's fixed seed").isEqualTo(Seeds.fixedSeedFor("name"));
        System.setProperty(Seeds.SEED_PROPERTY, " -12 ");
        assertThat(Seeds.resolve("name", 5L)).as("the setting wins, to replay a report").isEqualTo(-12L);
        System.setProperty(Seeds.SEED_PROPERTY, "RANDOM");
        assertThat(java.util.stream.Stream.generate(() -> Seeds.resolve("name", 5L)).limit(4).distinct().count())
                .as("random explores: four seeds, not one").isGreaterThan(1);
        System.setProperty(Seeds.SEED_PROPERTY, "12x");
        assertThatThrownBy(() -> Seeds.resolve("name", 5L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dproperty.seed must be a long or 'random', was '12x'");
    }

    @Test
    void theFixedSeedIsTheNamesFnv1aHashSoItNeverChanges() {
        assertThat(Seeds.fixedSeedFor("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Seeds.fixedSeedFor("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(Seeds.fixedSeedFor("foobar")).isEqualTo(0x85944171f73967e8L);
        assertThat(Seeds.fixedSeedFor("ab")).isNotEqualTo(Seeds.fixedSeedFor("ba"));
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
