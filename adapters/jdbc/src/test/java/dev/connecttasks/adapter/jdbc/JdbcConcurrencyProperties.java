package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.support.Race;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The races of the rules engine, run by 16 to 24 threads spread over three services, each on its
 * own connection pool, as three processes sharing one database would be. Afterwards the outcomes
 * are counted and compared with the rows the database holds.
 */
class JdbcConcurrencyProperties {

    private static final int TRIES = 10;

    /** A transaction never needs a second pooled connection, so even a pool of one serves every call. */
    @Test
    void aPoolOfOneConnectionServesLinkedStarts() {
        TestDatabase database = TestDatabase.shared(TestDatabase.Kind.H2);
        ConnectTasksService service = JdbcConnectTasks.create(database.newPool("single", 1), o -> o.migrate(false));
        String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW").build())
                .contactFlowId();
        StartTaskContactRequest.Builder task = StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow);
        String root = service.startTaskContact(task.build()).contactId();
        String linked = service.startTaskContact(task.previousContactId(root).build()).contactId();
        assertThat(new DatabaseRows(database, instance).previousContactId(linked)).isEqualTo(root);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingOnePreviousContactExactlyTwelveSucceed(TestDatabase.Kind kind) {
        Property.forAll(Gens.combine(Gens.integers(16, 24), Gens.integers(13, 64), (threads, calls) -> new int[] {threads, calls}))
                .named("jdbc twelve linked " + kind).tries(TRIES).check(p -> {
                    SharedDatabaseServices s = SharedDatabaseServices.on(TestDatabase.shared(kind), TaskPolicy.defaults());
                    String root = s.start(0, s.task());
                    List<Object> results = Race.run(p[0], p[1], i -> () -> s.start(i, s.task().previousContactId(root).attributes(Map.of("k" + i, "v"))));
                    assertThat(Race.successes(results)).hasSize(12).doesNotHaveDuplicates();
                    assertThat(Race.refusals(results)).hasSize(p[1] - 12).allMatch(e -> e.reason() == Reason.LINKED_TASKS);
                    assertThat(s.rows().linkedTo(root)).as("rows linked to the root").isEqualTo(12);
                    assertThat(s.rows().contacts()).as("contact rows").isEqualTo(13);
                    Map<String, String> shared = s.rows().scopeAttributes(root);
                    assertThat(shared).hasSize(12);
                    for (int i = 0; i < Race.successes(results).size(); i++) {
                        assertThat(s.attributes(i, (String) Race.successes(results).get(i))).isEqualTo(shared);
                    }
                });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingOneInstanceExactlyTheQuotaSucceeds(TestDatabase.Kind kind) {
        Property.forAll(Gens.combine(Gens.integers(16, 24), Gens.integers(1, 40), (threads, quota) -> new int[] {threads, quota}))
                .named("jdbc quota " + kind).tries(TRIES).check(p -> {
                    SharedDatabaseServices s = SharedDatabaseServices.on(TestDatabase.shared(kind), TaskPolicy.defaults().withOpenTasksPerInstance(p[1]));
                    int calls = p[1] + 25;
                    List<Object> results = Race.run(p[0], calls, i -> () -> s.start(i, s.task()));
                    assertThat(Race.successes(results)).hasSize(p[1]).doesNotHaveDuplicates();
                    assertThat(Race.refusals(results)).hasSize(calls - p[1]).allMatch(e -> e.reason() == Reason.ACTIVE_TASKS);
                    assertThat(s.rows().contacts()).as("contact rows").isEqualTo(p[1]);
                    assertThat(s.rows().openTasks()).as("open task rows").isEqualTo(p[1]);
                });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingOneClientTokenYieldsOneContactAndEveryCallerGetsIt(TestDatabase.Kind kind) {
        Property.forAll(Gens.integers(16, 24)).named("jdbc client token " + kind).tries(TRIES).check(threads -> {
            SharedDatabaseServices s = SharedDatabaseServices.on(TestDatabase.shared(kind), TaskPolicy.defaults());
            List<Object> results = Race.run(threads, 48, i -> () -> s.start(i, s.task().clientToken("same-token")));
            assertThat(Race.refusals(results)).isEmpty();
            assertThat(Race.successes(results)).hasSize(48).containsOnly(Race.successes(results).get(0));
            assertThat(s.rows().contacts()).as("contact rows").isEqualTo(1);
            assertThat(s.rows().clientTokens()).as("client token rows").isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingAttributeUpdatesOnOneScopeLoseNoUpdate(TestDatabase.Kind kind) {
        Property.forAll(Gens.combine(Gens.integers(16, 24), Gens.integers(16, 120), (threads, calls) -> new int[] {threads, calls}))
                .named("jdbc attribute updates " + kind).tries(TRIES).check(p -> {
                    SharedDatabaseServices s = SharedDatabaseServices.on(TestDatabase.shared(kind), TaskPolicy.defaults());
                    String root = s.start(0, s.task());
                    String member = s.start(1, s.task().previousContactId(root));
                    List<Object> results = Race.run(p[0], p[1], i -> () -> {
                        s.service(i).updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(s.instance())
                                .initialContactId(i % 2 == 0 ? root : member).attributes(Map.of("key" + i, "value" + i)).build());
                        return "ok-" + i;
                    });
                    assertThat(Race.refusals(results)).extracting(ConnectException::reason).isEmpty();
                    Map<String, String> expected = new HashMap<>();
                    for (int i = 0; i < p[1]; i++) {
                        expected.put("key" + i, "value" + i);
                    }
                    assertThat(s.rows().scopeAttributes(root)).isEqualTo(expected);
                    assertThat(s.attributes(1, member)).isEqualTo(expected);
                    assertThat(s.attributes(2, root)).isEqualTo(expected);
                });
    }
}
