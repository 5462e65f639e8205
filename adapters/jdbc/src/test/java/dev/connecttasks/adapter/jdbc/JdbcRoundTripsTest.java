package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.jdbc.CountingDataSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What one StartTaskContact asks of the database once the instance and its flow are known: a guard
 * lock (on H2 a read, claimed by the first write), one read of the previous contact with its scope and links, and the writes (a new chain's
 * attributes inside its contact row), sent as one round trip where the driver allows (PostgreSQL),
 * one by one elsewhere.
 */
class JdbcRoundTripsTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStartCostsOneLockOneReadAndItsWrites(TestDatabase.Kind kind) {
        CountingDataSource counting = new CountingDataSource(TestDatabase.shared(kind).pool());
        ConnectTasksService service = JdbcConnectTasks.create(counting, o -> o.policy(TaskPolicy.defaults().withThrottling(false)).migrate(false));
        String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("trips").build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .build()).contactFlowId();
        StartTaskContactRequest.Builder task = StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow);
        String warm = service.startTaskContact(task.attributes(Map.of("a", "1")).build()).contactId();
        service.startTaskContact(task.previousContactId(warm).attributes(Map.of("b", "2")).build());

        counting.reset();
        String first = service.startTaskContact(task.previousContactId(null).attributes(Map.of("a", "1")).build()).contactId();
        List<String> newChain = statements(counting);
        counting.reset();
        service.startTaskContact(task.previousContactId(first).attributes(Map.of("b", "2")).build());
        List<String> linked = statements(counting);

        boolean combined = kind == TestDatabase.Kind.POSTGRESQL;
        boolean claimed = kind == TestDatabase.Kind.H2;
        assertThat(newChain).as("new chain on %s: %s", kind, newChain).hasSize(combined ? 2 : 3);
        if (claimed) {
            // H2 reads the guard without a lock, and claims it with the first write, which also carries the counter.
            assertThat(newChain.get(0)).startsWith("SELECT").contains("FROM ct_instance_guard").doesNotContain("UPDATE");
            assertThat(newChain.get(1)).as("the claim goes before any other write").contains("UPDATE ct_instance_guard SET transactions = transactions + 1")
                    .contains("open_count = ?").contains("AND transactions = ? AND directory_version = ?");
        } else {
            assertThat(newChain.get(0)).contains("FOR UPDATE");
        }
        assertThat(newChain.get(claimed ? 2 : 1)).as("the chain's attributes travel in its first contact's row").contains("INSERT INTO ct_contact")
                .contains("attributes_json");
        assertThat(linked).as("linked task on %s: %s", kind, linked).hasSize(combined ? 3 : 5);
        if (claimed) {
            assertThat(linked.get(2)).contains("UPDATE ct_instance_guard SET transactions = transactions + 1");
        }
        assertThat(linked.get(1)).contains("LEFT JOIN ct_contact s").contains("previous_contact_id = c.contact_id");
        if (combined) {
            assertThat(linked.get(2)).contains("INSERT INTO ct_contact").contains("UPDATE ct_contact SET attributes_json")
                    .contains("UPDATE ct_instance_guard").endsWith("COMMIT");
        }
        assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(instance).initialContactId(first).build())
                .attributes()).as("the combined writes all landed").isEqualTo(Map.of("a", "1", "b", "2"));
    }

    private static List<String> statements(CountingDataSource counting) {
        return counting.calls().stream().filter(call -> !call.equals("commit") && !call.startsWith("setAutoCommit")).toList();
    }
}
