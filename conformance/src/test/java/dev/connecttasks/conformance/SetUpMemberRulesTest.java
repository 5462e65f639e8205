package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TemplateField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UpdateTaskTemplate's, CreateTaskTemplate's and a quick connect's configuration members, each refused by name past its edge, leaving the resource as it was. */
class SetUpMemberRulesTest {

    private final ConnectTasksService service = ConnectTasks.inMemory();
    private final String instance = service.createInstance(r -> r.instanceAlias("setup")).instanceId();
    private final String flow = service.createContactFlow(r -> r.instanceId(instance).name("f").type("CONTACT_FLOW")).contactFlowId();
    private final String template = service.createTaskTemplate(r -> r.instanceId(instance).name("t").contactFlowId(flow)).taskTemplateId();

    private static void refused(Reason reason, String member, Runnable call) {
        RefusedCalls.refused(InvalidParameterException.class, reason, member, call);
    }

    @Test
    void anUpdateIsRefusedByMemberAndChangesNothing() {
        int version = service.getTaskTemplate(instance, template).version();
        refused(Reason.INVALID_LENGTH, "Name", () -> service.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template)
                .name("n".repeat(101))));
        refused(Reason.INVALID_LENGTH, "Description", () -> service.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template)
                .description("d".repeat(256))));
        refused(Reason.INVALID_LENGTH, "ContactFlowId", () -> service.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template)
                .contactFlowId("f".repeat(501))));
        refused(Reason.INVALID_VALUE, "appears twice", () -> service.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template)
                .fields(List.of(TemplateField.of("A", FieldType.TEXT), TemplateField.of("A", FieldType.NUMBER)))));
        refused(Reason.INVALID_VALUE, "Status", () -> service.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template)
                .status("PAUSED")));
        refused(Reason.INVALID_VALUE, "removeContactFlow", () -> service.updateTaskTemplate(r -> r.instanceId(instance)
                .taskTemplateId(template).contactFlowId(flow).removeContactFlow(true)));
        refused(Reason.INVALID_LENGTH, "Fields Id.Name", () -> service.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template)
                .fields(List.of(TemplateField.of("x".repeat(101), FieldType.TEXT)))));
        var unchanged = service.getTaskTemplate(instance, template);
        assertThat(unchanged.version()).isEqualTo(version);
        assertThat(unchanged.name()).isEqualTo("t");
        assertThat(unchanged.contactFlowId()).hasValue(flow);
        // at the edges: taken
        assertThat(service.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template).name("n".repeat(100))
                .description("d".repeat(255)).contactFlowId(flow)).name()).hasSize(100);
    }

    @Test
    void aCreatedTemplatesFlowIdAndFieldsAreCheckedByName() {
        refused(Reason.INVALID_LENGTH, "ContactFlowId", () -> service.createTaskTemplate(r -> r.instanceId(instance).name("t")
                .contactFlowId("f".repeat(501))));
        refused(Reason.INVALID_LENGTH, "Fields Id.Name", () -> service.createTaskTemplate(r -> r.instanceId(instance).name("t")
                .fields(List.of(TemplateField.of("", FieldType.TEXT)))));
        refused(Reason.INVALID_LENGTH, "Fields Description", () -> service.createTaskTemplate(r -> r.instanceId(instance).name("t")
                .fields(List.of(new TemplateField("F", FieldType.TEXT, List.of(), Optional.of("d".repeat(256)))))));
    }

    @Test
    void aQuickConnectsTargetIsRequiredWhereItsTypeNeedsOneAndBoundedEverywhere() {
        refused(Reason.MISSING_PARAMETER, "UserId", () -> service.createQuickConnect(r -> r.instanceId(instance).name("q")
                .quickConnectType("USER").contactFlowId(flow)));
        refused(Reason.MISSING_PARAMETER, "QueueId", () -> service.createQuickConnect(r -> r.instanceId(instance).name("q")
                .quickConnectType("QUEUE").contactFlowId(flow)));
        refused(Reason.MISSING_PARAMETER, "PhoneNumber", () -> service.createQuickConnect(r -> r.instanceId(instance).name("q")
                .quickConnectType("PHONE_NUMBER")));
        refused(Reason.INVALID_LENGTH, "QuickConnectConfig target", () -> service.createQuickConnect(r -> r.instanceId(instance).name("q")
                .quickConnectType("USER").target("u".repeat(257)).contactFlowId(flow)));
        assertThat(service.createQuickConnect(r -> r.instanceId(instance).name("q").quickConnectType("FLOW").contactFlowId(flow)).target())
                .as("a FLOW quick connect needs no target").isEmpty();
        assertThat(service.createQuickConnect(r -> r.instanceId(instance).name("q").quickConnectType("USER").target("u".repeat(256))
                .contactFlowId(flow)).target()).hasValue("u".repeat(256));
    }

    @Test
    void aCreatedFlowsTagsAreCheckedAsTagResourcesAreAndNoFlowIsCreated() {
        Map<String, String> fiftyOne = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.put("k" + i, "v");
        }
        refused(Reason.INVALID_TAG, "aws:", () -> service.createContactFlow(r -> r.instanceId(instance).name("g").type("CONTACT_FLOW")
                .tags(Map.of("aws:owner", "v"))));
        refused(Reason.INVALID_TAG, "at most 50", () -> service.createContactFlow(r -> r.instanceId(instance).name("g").type("CONTACT_FLOW")
                .tags(fiftyOne)));
        refused(Reason.INVALID_LENGTH, "Tags value of 'k'", () -> service.createContactFlow(r -> r.instanceId(instance).name("g")
                .type("CONTACT_FLOW").tags(Map.of("k", "v".repeat(257)))));
        assertThat(service.listContactFlows(r -> r.instanceId(instance)).items()).as("only the flow made before").hasSize(1);
        fiftyOne.remove("k50");
        fiftyOne.put("k0", "v".repeat(256));
        assertThat(service.createContactFlow(r -> r.instanceId(instance).name("g").type("CONTACT_FLOW").tags(fiftyOne)).contactFlowId())
                .as("50 tags, a value of 256 characters: taken").isNotEmpty();
    }
}
