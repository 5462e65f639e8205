package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.QuickConnectType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** Changes and deletions of flows, quick connects and templates through the SDK: the paths, methods and errors of the model. */
class DirectoryChangesSdkTest extends InMemorySdkTest {


    @Test
    void deletedResourcesAreGoneAndChangedOnesServeTheNextStart() {
        fixture.requireOwnSetUp("changes the flow's content");
        String template = connect.createTaskTemplate(r -> r.instanceId(instance).name("Callback").contactFlowId(fixture.flow)).id();
        String fromTemplate = connect.startTaskContact(fixture.task().contactFlowId(null).taskTemplateId(template).build()).contactId();
        connect.deleteTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.getTaskTemplate(r -> r.instanceId(instance)
                .taskTemplateId(template)))).isNotNull();
        var info = connect.describeContact(r -> r.instanceId(instance).contactId(fromTemplate)).contact().taskTemplateInfo();
        assertThat(info.arn()).endsWith("/task-template/" + template);
        assertThat(info.name()).as("the template is gone; its task still describes").isNull();

        connect.updateContactFlowContent(r -> r.instanceId(instance).contactFlowId(fixture.flow).content("{\"Version\":\"2019-10-30\"}"));
        assertThat(connect.describeContactFlow(r -> r.instanceId(instance).contactFlowId(fixture.flow)).contactFlow().content())
                .isEqualTo("{\"Version\":\"2019-10-30\"}");

        String agentFlow = connect.createContactFlow(r -> r.instanceId(instance).name("agent").type(ContactFlowType.AGENT_TRANSFER)
                .content("{}")).contactFlowId();
        String quickConnect = connect.createQuickConnect(r -> r.instanceId(instance).name("phone").quickConnectConfig(c -> c
                .quickConnectType(QuickConnectType.PHONE_NUMBER).phoneConfig(p -> p.phoneNumber("+15550100")))).quickConnectId();
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> connect.startTaskContact(fixture.task().contactFlowId(null)
                .quickConnectId(quickConnect).build()))).isNotNull();
        connect.updateQuickConnectConfig(r -> r.instanceId(instance).quickConnectId(quickConnect).quickConnectConfig(c -> c
                .quickConnectType(QuickConnectType.USER).userConfig(u -> u.userId("agent-1").contactFlowId(agentFlow))));
        assertThat(connect.startTaskContact(fixture.task().contactFlowId(null).quickConnectId(quickConnect).build()).contactId()).isNotBlank();

        connect.deleteQuickConnect(r -> r.instanceId(instance).quickConnectId(quickConnect));
        connect.deleteContactFlow(r -> r.instanceId(instance).contactFlowId(agentFlow));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.describeQuickConnect(r -> r.instanceId(instance)
                .quickConnectId(quickConnect)))).isNotNull();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.deleteContactFlow(r -> r.instanceId(instance)
                .contactFlowId(agentFlow))).awsErrorDetails().rawResponse().asUtf8String()).contains("\"ReasonCode\":\"CONTACT_FLOW\"");
    }
}
