package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.GetTaskTemplateResponse;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.QuickConnectType;
import software.amazon.awssdk.services.connect.model.TaskTemplateFieldType;
import software.amazon.awssdk.services.connect.model.TaskTemplateStatus;

/** Quick connects and task templates set up and used through the real AWS SDK client. */
class SdkDirectoryOperationsTest {

    private SdkFixture fixture;
    private ConnectClient connect;
    private String instance;
    private String flow;

    @BeforeEach
    void start() throws Exception {
        fixture = SdkFixture.start(ConnectTasks.inMemory(o -> o.policy(TaskPolicy.defaults().withThrottling(false))));
        connect = fixture.connect;
        instance = fixture.instance;
        flow = fixture.flow;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aFlowQuickConnectStartsTasksAndAPhoneNumberOneCannot() {
        String viaFlow = connect.createQuickConnect(r -> r.instanceId(instance).name("to flow")
                .quickConnectConfig(c -> c.quickConnectType(QuickConnectType.FLOW).flowConfig(f -> f.contactFlowId(flow)))).quickConnectId();
        assertThat(connect.describeQuickConnect(r -> r.instanceId(instance).quickConnectId(viaFlow)).quickConnect().quickConnectConfig()
                .flowConfig().contactFlowId()).isEqualTo(flow);
        assertThat(connect.startTaskContact(r -> r.instanceId(instance).quickConnectId(viaFlow).name("t")).contactId()).isNotBlank();

        String phone = connect.createQuickConnect(r -> r.instanceId(instance).name("phone")
                .quickConnectConfig(c -> c.quickConnectType(QuickConnectType.PHONE_NUMBER).phoneConfig(p -> p.phoneNumber("+441234567890"))))
                .quickConnectId();
        assertThat(connect.describeQuickConnect(r -> r.instanceId(instance).quickConnectId(phone)).quickConnect().quickConnectConfig()
                .phoneConfig().phoneNumber()).isEqualTo("+441234567890");
        assertThatThrownBy(() -> connect.startTaskContact(r -> r.instanceId(instance).quickConnectId(phone).name("t")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aTemplateIsCreatedReadUpdatedListedAndStartsTasksOnlyWhileActive() {
        String template = connect.createTaskTemplate(r -> r.instanceId(instance).name("Refund").contactFlowId(flow)
                .fields(f -> f.id(i -> i.name("Order")).type(TaskTemplateFieldType.TEXT),
                        f -> f.id(i -> i.name("Priority")).type(TaskTemplateFieldType.SINGLE_SELECT).singleSelectOptions("low", "high"))
                .constraints(c -> c.requiredFields(q -> q.id(i -> i.name("Order"))))
                .defaults(d -> d.defaultFieldValues(v -> v.id(i -> i.name("Priority")).defaultValue("low")))
                .status(TaskTemplateStatus.ACTIVE)).id();
        GetTaskTemplateResponse read = connect.getTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template));
        assertThat(read.name()).isEqualTo("Refund");
        assertThat(read.contactFlowId()).isEqualTo(flow);
        assertThat(read.fields()).extracting(f -> f.id().name()).containsExactly("Order", "Priority");
        assertThat(read.constraints().requiredFields()).extracting(f -> f.id().name()).containsExactly("Order");
        assertThat(read.defaults().defaultFieldValues()).extracting(v -> v.defaultValue()).containsExactly("low");

        assertThatThrownBy(() -> connect.startTaskContact(r -> r.instanceId(instance).taskTemplateId(template).name("t")))
                .as("the required field Order is missing").isInstanceOf(InvalidParameterException.class).hasMessageContaining("'Order'");
        String task = connect.startTaskContact(r -> r.instanceId(instance).taskTemplateId(template).name("t")
                .references(Map.of("Order", software.amazon.awssdk.services.connect.model.Reference.builder().type("STRING").value("o-1").build())))
                .contactId();
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task)).contact().taskTemplateInfo().arn()).endsWith(template);

        connect.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template).status(TaskTemplateStatus.INACTIVE));
        assertThat(connect.listTaskTemplates(r -> r.instanceId(instance)).taskTemplates()).extracting(t -> t.statusAsString())
                .containsExactly("INACTIVE");
        assertThatThrownBy(() -> connect.startTaskContact(r -> r.instanceId(instance).taskTemplateId(template).name("t")
                .references(Map.of("Order", software.amazon.awssdk.services.connect.model.Reference.builder().type("STRING").value("o-2").build()))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anUnknownFieldTypeIsAnInvalidParameter() {
        assertThatThrownBy(() -> connect.createTaskTemplate(r -> r.instanceId(instance).name("Bad").contactFlowId(flow)
                .fields(f -> f.id(i -> i.name("x")).type("COLOUR"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("COLOUR");
    }
}
