package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.testkit.model.TaskServiceMachine;
import dev.connecttasks.testkit.property.Seeds;
import dev.connecttasks.testkit.property.StatefulProperty;
import org.junit.jupiter.api.Test;

/** The service on the in-memory adapters agrees with the reference model after every step. */
class InMemoryModelProperties {

    /** The try count in force: {@code -Dproperty.tries} overrides the declared one (mutation testing lowers it). */
    private static final TaskServiceMachine.ServiceFactory IN_MEMORY = (clock, ids, policy) ->
            ConnectTasks.inMemory(o -> o.clock(clock).ids(ids).policy(policy));

    @Test
    void serviceAgreesWithTheModelUnderSmallLimits() {
        long steps = StatefulProperty.of(new TaskServiceMachine(IN_MEMORY, TaskServiceMachine.smallLimits()))
                .tries(500).maxSteps(50).check();
        assertThat(steps).as("steps run in all: about ten or more a sequence").isGreaterThan(Seeds.tries(500) * 10L);
    }

    @Test
    void serviceAgreesWithTheModelUnderTheDefaultPolicy() {
        long steps = StatefulProperty.of(new TaskServiceMachine(IN_MEMORY, dev.connecttasks.domain.policy.TaskPolicy.defaults()))
                .tries(100).maxSteps(50).check();
        assertThat(steps).isGreaterThan(Seeds.tries(100) * 10L);
    }
}
