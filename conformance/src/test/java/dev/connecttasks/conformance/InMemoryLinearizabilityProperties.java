package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.testkit.model.TaskServiceParallelMachine;
import dev.connecttasks.testkit.property.ParallelStatefulProperty;
import dev.connecttasks.testkit.property.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Concurrent calls on one instance of the in-memory service are linearizable: whatever the
 * interleaving, every answer is the model's for some order of the calls that respects real time.
 */
class InMemoryLinearizabilityProperties {

    @Test
    void concurrentCallsOnOneInstanceAreLinearizable() {
        TaskServiceParallelMachine machine = new TaskServiceParallelMachine(
                (clock, ids, policy) -> List.of(ConnectTasks.inMemory(o -> o.clock(clock).ids(ids).policy(policy))),
                TaskServiceParallelMachine.raceLimits());
        long calls = ParallelStatefulProperty.of(machine).tries(300).repetitions(5).check();
        assertThat(calls).as("concurrent calls checked: at least two a history").isGreaterThanOrEqualTo(Seeds.tries(300) * 2L);
    }
}
