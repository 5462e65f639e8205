package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.model.TaskServiceMachine;
import dev.connecttasks.testkit.property.Seeds;
import dev.connecttasks.testkit.property.StatefulProperty;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The service on each database agrees with the reference model after every step, and, run from the
 * same seed, produces step for step the same outcomes as the service on the in-memory adapters.
 */
class JdbcModelProperties {

    static TaskServiceMachine.ServiceFactory on(TestDatabase database) {
        return (clock, ids, policy) -> JdbcConnectTasks.create(database.emptied(),
                o -> o.clock(clock).ids(ids).policy(policy).migrate(false));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void serviceAgreesWithTheModelUnderSmallLimits(TestDatabase.Kind kind) {
        TestDatabase database = TestDatabase.shared(kind);
        long steps = StatefulProperty.of(new TaskServiceMachine(on(database), TaskServiceMachine.smallLimits()))
                .named("jdbc model small limits " + kind).tries(120).maxSteps(50).check();
        assertThat(steps).isGreaterThan(Seeds.tries(120) * 10L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void serviceAgreesWithTheModelUnderTheDefaultPolicy(TestDatabase.Kind kind) {
        TestDatabase database = TestDatabase.shared(kind);
        long steps = StatefulProperty.of(new TaskServiceMachine(on(database), TaskPolicy.defaults()))
                .named("jdbc model defaults " + kind).tries(30).maxSteps(50).check();
        assertThat(steps).isGreaterThan(Seeds.tries(30) * 10L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sameHistoryGivesTheSameOutcomesAsInMemory(TestDatabase.Kind kind) {
        TestDatabase database = TestDatabase.shared(kind);
        long seed = 20261202L + kind.ordinal();
        List<String> inMemory = new ArrayList<>();
        List<String> onDatabase = new ArrayList<>();
        TaskServiceMachine.ServiceFactory memory = (clock, ids, policy) -> ConnectTasks.inMemory(o -> o.clock(clock).ids(ids).policy(policy));
        StatefulProperty.of(new TaskServiceMachine(memory, TaskServiceMachine.smallLimits()).tracing(inMemory::add))
                .seed(seed).tries(60).maxSteps(80).check();
        StatefulProperty.of(new TaskServiceMachine(on(database), TaskServiceMachine.smallLimits()).tracing(onDatabase::add))
                .seed(seed).tries(60).maxSteps(80).check();
        assertThat(onDatabase).hasSizeGreaterThan(Seeds.tries(60) * 10).isEqualTo(inMemory);
        assertThat(onDatabase).as("the histories reach refusals as well as successes")
                .anyMatch(step -> step.contains(ServiceQuotaExceededException.class.getSimpleName()))
                .anyMatch(step -> step.contains("-> ok("))
                .anyMatch(step -> step.startsWith("DeleteInstance(") && step.endsWith("-> ok(deleted)"));
    }
}
