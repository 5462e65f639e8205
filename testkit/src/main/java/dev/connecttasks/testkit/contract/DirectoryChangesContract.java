package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowSource;
import dev.connecttasks.domain.flow.QuickConnectType;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.ListRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes and deletions of what tasks use, through the service on a store: later starts find the
 * change (or nothing), tasks already started keep the flow they resolved. Every store runs it.
 */
public abstract class DirectoryChangesContract {

    /** A service on an empty store of the adapter under test. */
    protected abstract ConnectTasksService service(TaskPolicy policy, Clock clock);

    private ConnectTasksService service;
    private String instance;
    private String flow;

    @BeforeEach
    void open() {
        service = service(TaskPolicy.defaults().withThrottling(false), Clock.systemUTC());
        instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("changes").build()).instanceId();
        flow = flow("CONTACT_FLOW");
    }

    private String flow(String type) {
        return service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type(type).content("{}").build())
                .contactFlowId();
    }

    private StartTaskContactRequest.Builder task() {
        return StartTaskContactRequest.builder().instanceId(instance).name("t");
    }

    private String start(StartTaskContactRequest.Builder request) {
        return service.startTaskContact(request.build()).contactId();
    }

    @Test
    void aDeletedFlowIsFoundByNoLaterStartAndTasksStartedWithItKeepIt() {
        String before = start(task().contactFlowId(flow));
        String agent = flow("AGENT_TRANSFER");
        String quickConnect = service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name("q")
                .quickConnectType("USER").target("agent-1").contactFlowId(agent).build()).quickConnectId();
        String template = service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(instance).name("t").contactFlowId(flow)
                .build()).taskTemplateId();
        service.deleteContactFlow(instance, flow);
        service.deleteContactFlow(instance, agent);

        assertRefused(ResourceNotFoundException.class, Reason.CONTACT_FLOW, () -> service.describeContactFlow(instance, flow));
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT_FLOW, () -> start(task().contactFlowId(flow)));
        assertRefused(InvalidRequestException.class, Reason.FLOW_NOT_USABLE, () -> start(task().quickConnectId(quickConnect)));
        assertRefused(InvalidRequestException.class, Reason.FLOW_NOT_USABLE, () -> start(task().taskTemplateId(template)));
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT_FLOW, () -> service.deleteContactFlow(instance, flow));
        assertThat(service.listContactFlows(ListRequest.builder().instanceId(instance).build()).items()).isEmpty();
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(before).build()).contact().flow())
                .hasValueSatisfying(resolved -> assertThat(resolved.contactFlowId()).isEqualTo(flow));
    }

    @Test
    void aFlowDeletedRightAfterAStartIsFoundByNoStartAfterIt() {
        start(task().contactFlowId(flow));
        service.deleteContactFlow(instance, flow);
        // nothing else changed the directory in between: a store that remembers the flow it ran must still forget it
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT_FLOW, () -> start(task().contactFlowId(flow)));
    }

    @Test
    void aDeletedQuickConnectOrTemplateIsFoundByNoLaterStart() {
        String agent = flow("AGENT_TRANSFER");
        String quickConnect = service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name("q")
                .quickConnectType("USER").target("agent-1").contactFlowId(agent).build()).quickConnectId();
        String template = service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(instance).name("t").contactFlowId(flow)
                .build()).taskTemplateId();
        String fromTemplate = start(task().taskTemplateId(template));
        service.deleteQuickConnect(instance, quickConnect);
        service.deleteTaskTemplate(instance, template);
        assertRefused(ResourceNotFoundException.class, Reason.QUICK_CONNECT, () -> start(task().quickConnectId(quickConnect)));
        assertRefused(ResourceNotFoundException.class, Reason.TASK_TEMPLATE, () -> start(task().taskTemplateId(template)));
        assertRefused(ResourceNotFoundException.class, Reason.QUICK_CONNECT, () -> service.describeQuickConnect(instance, quickConnect));
        assertRefused(ResourceNotFoundException.class, Reason.TASK_TEMPLATE, () -> service.getTaskTemplate(instance, template));
        assertRefused(ResourceNotFoundException.class, Reason.TASK_TEMPLATE, () -> service.deleteTaskTemplate(instance, template));
        assertRefused(ResourceNotFoundException.class, Reason.QUICK_CONNECT, () -> service.deleteQuickConnect(instance, quickConnect));
        assertRefused(ResourceNotFoundException.class, Reason.INSTANCE, () -> service.deleteTaskTemplate("no-such", template));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, () -> service.deleteContactFlow(instance, null));
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(fromTemplate).build()).contact()
                .flow()).hasValueSatisfying(resolved -> {
                    assertThat(resolved.source()).isEqualTo(FlowSource.TASK_TEMPLATE);
                    assertThat(resolved.contactFlowId()).isEqualTo(flow);
                });
    }

    @Test
    void newContentAndANewQuickConnectConfigAreWhatLaterStartsSee() {
        ContactFlow updated = service.updateContactFlowContent(instance, flow, "{\"Version\":\"2019-10-30\"}");
        assertThat(service.describeContactFlow(instance, flow)).isEqualTo(updated);
        assertThat(updated.content()).contains("{\"Version\":\"2019-10-30\"}");
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, () -> service.updateContactFlowContent(instance, flow, null));
        assertRefused(InvalidParameterException.class, Reason.INVALID_LENGTH, () -> service.updateContactFlowContent(instance, flow, ""));
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT_FLOW, () -> service.updateContactFlowContent(instance, "nope", "{}"));

        String agent = flow("AGENT_TRANSFER");
        String quickConnect = service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name("q")
                .quickConnectType("PHONE_NUMBER").target("+15550100").build()).quickConnectId();
        assertRefused(InvalidRequestException.class, Reason.QUICK_CONNECT_HAS_NO_FLOW, () -> start(task().quickConnectId(quickConnect)));
        var asUser = service.updateQuickConnectConfig(instance, quickConnect, "USER", "agent-7", agent);
        assertThat(asUser.type()).isEqualTo(QuickConnectType.USER);
        assertThat(asUser.name()).as("the name is kept").isEqualTo("q");
        assertThat(service.describeQuickConnect(instance, quickConnect)).isEqualTo(asUser);
        String task = start(task().quickConnectId(quickConnect));
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(task).build()).contact().flow())
                .hasValueSatisfying(resolved -> assertThat(resolved.contactFlowId()).isEqualTo(agent));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER,
                () -> service.updateQuickConnectConfig(instance, quickConnect, "USER", "agent-7", null));
        assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE,
                () -> service.updateQuickConnectConfig(instance, quickConnect, "PHONE_NUMBER", "+15550100", agent));
        assertThat(service.describeQuickConnect(instance, quickConnect)).as("refused, unchanged").isEqualTo(asUser);
    }

    private static <E extends ConnectException> void assertRefused(Class<E> type, Reason reason, Runnable call) {
        E refused = catchThrowableOfType(type, call::run);
        assertThat(refused).as("%s %s", type.getSimpleName(), reason).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
    }
}
