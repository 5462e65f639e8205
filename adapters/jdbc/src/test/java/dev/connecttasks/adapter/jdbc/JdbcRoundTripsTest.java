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
 * What one StartTaskContact asks of the database once the instance and its flow are known (the
 * flow's directory version is confirmed by the slot's condition): for a linked task the lock of its chain and one read of the previous
 * contact with its scope and links, the open-task slot (a conditional increment), and the writes (a
 * new chain's attributes inside its contact row), sent as one round trip where the driver allows
 * (PostgreSQL), one by one elsewhere.
 */
class JdbcRoundTripsTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStartCostsItsVersionItsChainItsSlotAndItsWrites(TestDatabase.Kind kind) {
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

        RoundTrips expected = EXPECTED.get(kind);
        assertStatements("new chain on " + kind, newChain, expected.newChain());
        assertStatements("linked task on " + kind, linked, expected.linked());
        assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(instance).initialContactId(first).build())
                .attributes()).as("the combined writes all landed").isEqualTo(Map.of("a", "1", "b", "2"));
    }

    /** What each statement of a start must contain, in order, on each database: the per-database expectations as data. */
    private record RoundTrips(List<List<String>> newChain, List<List<String>> linked) {
    }

    /** The quota's escrow: the start's open-task slot, taken by a conditional increment. */
    private static final List<String> TAKE_SLOT = List.of("UPDATE ct_open_shard SET open_count = open_count + 1",
            "open_count < slots", "directory_version = ?");
    private static final List<String> LOWER_NEXT_EXPIRY = List.of("UPDATE ct_open_shard SET next_expiry_ns = LEAST(next_expiry_ns, ?)");
    /** The chain's attributes travel in its first contact's row. */
    private static final List<String> INSERT_WITH_SCOPE = List.of("INSERT INTO ct_contact", "attributes_json");
    private static final List<String> INSERT = List.of("INSERT INTO ct_contact");
    private static final List<String> LOCK_CHAIN = List.of("SELECT contact_id FROM ct_contact", "SELECT initial_contact_id", "FOR UPDATE");
    private static final List<String> READ_WITH_CHAIN = List.of("LEFT JOIN ct_contact s", "previous_contact_id = c.contact_id");
    private static final List<String> CHAIN_ATTRIBUTES = List.of("UPDATE ct_contact SET attributes_json");
    private static final List<String> CHECKPOINT = List.of("CHECKPOINT");

    private static final Map<TestDatabase.Kind, RoundTrips> EXPECTED = Map.of(
            // after the commit, H2 writes it to its file before the call is answered
            TestDatabase.Kind.H2, new RoundTrips(
                    List.of(TAKE_SLOT, INSERT_WITH_SCOPE, LOWER_NEXT_EXPIRY, CHECKPOINT),
                    List.of(LOCK_CHAIN, READ_WITH_CHAIN, TAKE_SLOT, INSERT, CHAIN_ATTRIBUTES, LOWER_NEXT_EXPIRY, CHECKPOINT)),
            // the writes and the COMMIT in one round trip
            TestDatabase.Kind.POSTGRESQL, new RoundTrips(
                    List.of(TAKE_SLOT, List.of("INSERT INTO ct_contact", "attributes_json", "LEAST(next_expiry_ns", "COMMIT")),
                    List.of(LOCK_CHAIN, READ_WITH_CHAIN, TAKE_SLOT, List.of("INSERT INTO ct_contact",
                            "UPDATE ct_contact SET attributes_json", "LEAST(next_expiry_ns", "COMMIT"))),
            TestDatabase.Kind.MARIADB, new RoundTrips(
                    List.of(TAKE_SLOT, INSERT_WITH_SCOPE, LOWER_NEXT_EXPIRY),
                    List.of(LOCK_CHAIN, READ_WITH_CHAIN, TAKE_SLOT, INSERT, CHAIN_ATTRIBUTES, LOWER_NEXT_EXPIRY)));

    private static void assertStatements(String what, List<String> statements, List<List<String>> expected) {
        assertThat(statements).as("%s: %s", what, statements).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            for (String fragment : expected.get(i)) {
                assertThat(statements.get(i)).as("%s, statement %d", what, i + 1).contains(fragment);
            }
        }
    }

    private static List<String> statements(CountingDataSource counting) {
        return counting.calls().stream().filter(call -> !call.equals("commit") && !call.startsWith("setAutoCommit")).toList();
    }
}
