package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.contact.ContactState;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's five-minute start, kept as running code. */
class ReadmeExampleTest {

    @Test
    void fiveMinuteStart() {
        ConnectTasksService connect = ConnectTasks.inMemory();
        String instance = connect.createInstance(CreateInstanceRequest.builder().instanceAlias("demo").build()).instanceId();
        String flow = connect.createContactFlow(CreateContactFlowRequest.builder()
                .instanceId(instance).name("Route tasks").type("CONTACT_FLOW").build()).contactFlowId();

        String first = connect.startTaskContact(StartTaskContactRequest.builder()
                .instanceId(instance).name("Call back customer").contactFlowId(flow)
                .attributes(Map.of("customer", "c-42")).build()).contactId();
        String second = connect.startTaskContact(StartTaskContactRequest.builder()
                .instanceId(instance).name("Send the refund").contactFlowId(flow)
                .previousContactId(first).attributes(Map.of("refund", "yes")).build()).contactId();

        Map<String, String> shared = connect.getContactAttributes(GetContactAttributesRequest.builder()
                .instanceId(instance).initialContactId(second).build()).attributes();
        assertThat(shared).isEqualTo(Map.of("customer", "c-42", "refund", "yes"));

        InvalidRequestException error = catchThrowableOfType(InvalidRequestException.class, () -> connect.startTaskContact(
                StartTaskContactRequest.builder().instanceId(instance).name("No flow").build()));
        assertThat(error.reason()).isEqualTo(Reason.NO_FLOW_SOURCE);
        assertThat(error.getMessage()).isEqualTo("One of ContactFlowId, QuickConnectId or TaskTemplateId is required");
    }

    @Test
    void testsInjectTimeAndIdsAndSwitchThrottlingOff() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ConnectTasksService connect = ConnectTasks.inMemory(o -> o.clock(clock).ids(new SequentialIds("id-"))
                .policy(TaskPolicy.defaults().withThrottling(false)));

        String instance = connect.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = connect.createContactFlow(CreateContactFlowRequest.builder()
                .instanceId(instance).name("f").type("CONTACT_FLOW").build()).contactFlowId();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {   // more than the default burst of 5
            tasks.add(connect.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t" + i).contactFlowId(flow)
                    .build()).contactId());
        }
        assertThat(instance).startsWith("id-");
        clock.advance(Duration.ofDays(7));
        assertThat(connect.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(tasks.get(0)).build()).state())
                .isEqualTo(ContactState.ENDED);
    }
}
