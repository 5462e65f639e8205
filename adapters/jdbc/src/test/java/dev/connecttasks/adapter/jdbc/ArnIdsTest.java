package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.rules.ResourceArns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * StartTaskContact takes the ARN form of InstanceId, ContactFlowId, QuickConnectId and
 * TaskTemplateId, as a CloudFormation-deployed program passes them, on every store; an ARN of another
 * instance, account or region, or a malformed one, is not found.
 */
class ArnIdsTest {

    private static final String PREFIX = ResourceArns.INSTANCE_ARN_PREFIX;

    @ParameterizedTest
    @EnumSource(StoresAgreeOnAwkwardInputTest.Store.class)
    void theArnFormOfEveryResourceIdNamesTheResource(StoresAgreeOnAwkwardInputTest.Store store) {
        ConnectTasksService service = store.service(TaskPolicy.defaults().withThrottling(false), java.time.Clock.systemUTC());
        String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .build()).contactFlowId();
        String queueFlow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("q").type("QUEUE_TRANSFER")
                .build()).contactFlowId();
        String quickConnect = service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name("qc").quickConnectType("QUEUE")
                .target("queue-1").contactFlowId(queueFlow).build()).quickConnectId();
        String template = service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(instance).name("t").contactFlowId(flow)
                .build()).taskTemplateId();
        String instanceArn = PREFIX + instance;
        StartTaskContactRequest.Builder task = StartTaskContactRequest.builder().instanceId(instanceArn).name("t");

        String byFlowArn = service.startTaskContact(task.contactFlowId(instanceArn + "/contact-flow/" + flow).clientToken("tok").build())
                .contactId();
        var contact = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(byFlowArn).build()).contact();
        assertThat(contact.instanceId()).isEqualTo(instance);
        assertThat(contact.flow().orElseThrow().contactFlowId()).isEqualTo(flow);
        assertThat(service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow)
                .clientToken("tok").build()).contactId()).as("the bare ids and the ARNs are the same request").isEqualTo(byFlowArn);
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instanceArn).contactId(byFlowArn).build()).contact()
                .contactId()).as("the other contact operations take the instance's ARN").isEqualTo(byFlowArn);
        service.updateContactAttributes(dev.connecttasks.domain.request.UpdateContactAttributesRequest.builder().instanceId(instanceArn)
                .initialContactId(byFlowArn).attributes(java.util.Map.of("k", "v")).build());
        assertThat(service.getContactAttributes(dev.connecttasks.domain.request.GetContactAttributesRequest.builder().instanceId(instanceArn)
                .initialContactId(byFlowArn).build()).attributes()).containsEntry("k", "v");
        service.stopContact(dev.connecttasks.domain.request.StopContactRequest.builder().instanceId(instanceArn).contactId(byFlowArn).build());
        service.startTaskContact(StartTaskContactRequest.builder().instanceId(instanceArn).name("t")
                .quickConnectId(instanceArn + "/transfer-destination/" + quickConnect).build());
        service.startTaskContact(StartTaskContactRequest.builder().instanceId(instanceArn).name("t")
                .taskTemplateId(instanceArn + "/task-template/" + template).build());

        String open = service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("open").contactFlowId(flow).build())
                .contactId();
        service.updateContact(dev.connecttasks.domain.request.UpdateContactRequest.builder().instanceId(instanceArn).contactId(open)
                .name("renamed by ARN").build());
        service.updateContactTaskTemplate(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest.of(instanceArn, open,
                instanceArn + "/task-template/" + template));
        String moved = service.transferContact(dev.connecttasks.domain.request.TransferContactRequest.of(instanceArn, open,
                instanceArn + "/contact-flow/" + queueFlow, "queue-1", null, null)).contactId();
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(moved).build()).contact().flow()
                .orElseThrow().contactFlowId()).isEqualTo(queueFlow);
        assertThat(service.startOutboundVoiceContact(dev.connecttasks.domain.request.StartOutboundVoiceContactRequest.builder()
                .instanceId(instanceArn).contactFlowId(instanceArn + "/contact-flow/" + flow).destinationPhoneNumber("+15550100").build())
                .contactId()).isNotBlank();

        String other = "00000000-0000-4000-8000-000000000000";
        assertNotFound(Reason.INSTANCE, () -> service.startTaskContact(StartTaskContactRequest.builder().name("t").contactFlowId(flow)
                .instanceId(PREFIX + other).build()));
        assertNotFound(Reason.INSTANCE, () -> service.startTaskContact(StartTaskContactRequest.builder().name("t").contactFlowId(flow)
                .instanceId("arn:aws:connect:eu-west-2:000000000000:instance/" + instance).build()));
        assertNotFound(Reason.INSTANCE, () -> service.startTaskContact(StartTaskContactRequest.builder().name("t").contactFlowId(flow)
                .instanceId("arn:aws:connect:us-east-1:123456789012:instance/" + instance).build()));
        assertNotFound(Reason.INSTANCE, () -> service.startTaskContact(StartTaskContactRequest.builder().name("t").contactFlowId(flow)
                .instanceId(PREFIX).build()));
        assertNotFound(Reason.CONTACT_FLOW, () -> service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t")
                .contactFlowId(PREFIX + other + "/contact-flow/" + flow).build()));
        assertNotFound(Reason.CONTACT_FLOW, () -> service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t")
                .contactFlowId(instanceArn + "/task-template/" + flow).build()));
        assertNotFound(Reason.CONTACT_FLOW, () -> service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("t")
                .contactFlowId(instanceArn + "/contact-flow/" + flow + "/extra").build()));
    }

    private static void assertNotFound(Reason reason, Runnable call) {
        try {
            call.run();
        } catch (ConnectException e) {
            assertThat(e).isInstanceOf(ResourceNotFoundException.class);
            assertThat(e.reason()).isEqualTo(reason);
            return;
        }
        throw new AssertionError("expected ResourceNotFoundException " + reason);
    }
}
