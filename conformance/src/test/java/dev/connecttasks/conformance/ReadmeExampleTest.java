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
}
