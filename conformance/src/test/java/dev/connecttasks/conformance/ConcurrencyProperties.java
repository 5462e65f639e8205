package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.support.Race;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Threads race one limit at a time; afterwards every success and every refusal is accounted for
 * and the invariants hold. Thread counts and call counts are generated, so races differ per try.
 */
class ConcurrencyProperties {

    private record Setup(ConnectTasksService service, String instance, String flow) {
    }

    private static Setup setup(TaskPolicy policy) {
        ConnectTasksService service = ConnectTasks.inMemory(o -> o.policy(policy.withThrottling(false)));
        String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW").build())
                .contactFlowId();
        return new Setup(service, instance, flow);
    }

    private static StartTaskContactRequest.Builder task(Setup s) {
        return StartTaskContactRequest.builder().instanceId(s.instance()).name("t").contactFlowId(s.flow());
    }

    @Test
    void racingOnePreviousContactExactlyTwelveSucceed() {
        Property.forAll(Gens.combine(Gens.integers(2, 16), Gens.integers(13, 60), (threads, calls) -> new int[] {threads, calls})).tries(30).check(p -> {
            Setup s = setup(TaskPolicy.defaults());
            String root = s.service().startTaskContact(task(s).build()).contactId();
            List<Object> results = race(p[0], p[1], i -> () -> s.service().startTaskContact(task(s).previousContactId(root)
                    .attributes(Map.of("k" + i, "v")).build()).contactId());
            assertThat(successes(results)).hasSize(12).doesNotHaveDuplicates();
            assertThat(refusals(results)).hasSize(p[1] - 12).allMatch(r -> r == Reason.LINKED_TASKS);
            Map<String, String> shared = attributes(s, root);
            for (Object id : successes(results)) {
                assertThat(attributes(s, (String) id)).as("every chain member reads the chain's attributes").isEqualTo(shared);
            }
            assertThat(shared).hasSize(12);
        });
    }

    @Test
    void racingOneInstanceExactlyTheQuotaSucceeds() {
        Property.forAll(Gens.combine(Gens.integers(2, 16), Gens.integers(1, 40), (threads, quota) -> new int[] {threads, quota})).tries(30).check(p -> {
            Setup s = setup(TaskPolicy.defaults().withOpenTasksPerInstance(p[1]));
            int calls = p[1] + 25;
            List<Object> results = race(p[0], calls, i -> () -> s.service().startTaskContact(task(s).build()).contactId());
            assertThat(successes(results)).hasSize(p[1]).doesNotHaveDuplicates();
            assertThat(refusals(results)).hasSize(calls - p[1]).allMatch(r -> r == Reason.ACTIVE_TASKS);
        });
    }

    @Test
    void racingOneClientTokenYieldsOneContactAndEveryCallerGetsIt() {
        Property.forAll(Gens.integers(2, 16)).tries(30).check(threads -> {
            Setup s = setup(TaskPolicy.defaults());
            List<Object> results = race(threads, 40, i -> () -> s.service().startTaskContact(task(s).clientToken("same-token").build()).contactId());
            assertThat(refusals(results)).isEmpty();
            assertThat(successes(results)).hasSize(40).containsOnly(successes(results).get(0));
            String other = s.service().startTaskContact(task(s).build()).contactId();
            assertThat(other).isNotEqualTo(successes(results).get(0));
        });
    }

    @Test
    void racingAttributeUpdatesOnOneScopeLoseNoUpdate() {
        Property.forAll(Gens.combine(Gens.integers(2, 16), Gens.integers(10, 200), (threads, calls) -> new int[] {threads, calls})).tries(30).check(p -> {
            Setup s = setup(TaskPolicy.defaults());
            String root = s.service().startTaskContact(task(s).build()).contactId();
            String member = s.service().startTaskContact(task(s).previousContactId(root).build()).contactId();
            List<Object> results = race(p[0], p[1], i -> () -> {
                s.service().updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(s.instance())
                        .initialContactId(i % 2 == 0 ? root : member).attributes(Map.of("key" + i, "value" + i)).build());
                return "ok-" + i;
            });
            assertThat(successes(results)).hasSize(p[1]);
            Map<String, String> expected = new HashMap<>();
            for (int i = 0; i < p[1]; i++) {
                expected.put("key" + i, "value" + i);
            }
            assertThat(attributes(s, root)).isEqualTo(expected);
            assertThat(attributes(s, member)).isEqualTo(expected);
        });
    }

    private static Map<String, String> attributes(Setup s, String contactId) {
        return s.service().getContactAttributes(GetContactAttributesRequest.builder().instanceId(s.instance()).initialContactId(contactId).build())
                .attributes();
    }

    private static List<Object> race(int threads, int calls, IntFunction<Callable<Object>> call) {
        return Race.run(threads, calls, call);
    }

    private static List<Object> successes(List<Object> results) {
        return Race.successes(results);
    }

    private static List<Reason> refusals(List<Object> results) {
        return Race.refusals(results).stream().map(ConnectException::reason).toList();
    }
}
