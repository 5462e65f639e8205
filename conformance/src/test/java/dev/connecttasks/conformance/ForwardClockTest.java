package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.ForwardClock;
import dev.connecttasks.testkit.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The test controls' clock: runs with the system clock, moves forward only, never reads earlier than it read before. */
class ForwardClockTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    private final MutableClock system = new MutableClock(T0);
    private final ForwardClock clock = new ForwardClock(system);

    @Test
    void runsWithTheSystemClockPlusWhatItWasMoved() {
        assertThat(clock.instant()).isEqualTo(T0);
        system.advance(Duration.ofSeconds(5));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
        assertThat(clock.advance(Duration.ofHours(1))).isEqualTo(T0.plusSeconds(5 + 3_600));
        system.advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(6 + 3_600));
        Instant later = T0.plus(Duration.ofDays(3));
        assertThat(clock.set(later)).isEqualTo(later);
        system.advance(Duration.ofSeconds(2));
        assertThat(clock.instant()).isEqualTo(later.plusSeconds(2));
    }

    @Test
    void refusesToGoBackAndLeavesTheTimeAsItWas() {
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> clock.set(T0.plusSeconds(60))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward only");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(clock.set(clock.instant())).as("now itself is not the past").isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aSystemClockSteppedBackHoldsItStillUntilItCatchesUp() {
        system.advance(Duration.ofSeconds(30));
        Instant read = clock.instant();
        system.set(T0.plusSeconds(10));
        assertThat(clock.instant()).isEqualTo(read);
        system.set(T0.plusSeconds(31));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(31));
    }
}
