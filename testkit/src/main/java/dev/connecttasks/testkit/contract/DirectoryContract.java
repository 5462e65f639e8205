package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.out.FlowDirectory;
import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.application.port.out.QuickConnectDirectory;
import dev.connecttasks.application.port.out.TaskTemplateDirectory;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowState;
import dev.connecttasks.domain.flow.FlowStatus;
import dev.connecttasks.domain.flow.FlowType;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.flow.QuickConnectType;
import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import dev.connecttasks.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the instance, flow, quick connect and template directories must do. */
public abstract class DirectoryContract {

    protected InstanceDirectory instances;
    protected FlowDirectory flows;
    protected QuickConnectDirectory quickConnects;
    protected TaskTemplateDirectory templates;

    /** Fresh, empty directories, assigned to the four fields. */
    protected abstract void newDirectories() throws Exception;

    @BeforeEach
    void fresh() throws Exception {
        newDirectories();
    }

    @Test
    void instancesRoundTripAndListInCreationOrder() {
        Instance a = new Instance("a", Optional.of("alias"), Instant.parse("2026-01-01T00:00:00Z"));
        Instance b = new Instance("b", Optional.empty(), Instant.parse("2026-01-02T00:00:00Z"));
        instances.save(b);
        instances.save(a);
        assertThat(instances.find("a")).hasValue(a);
        assertThat(instances.find("c")).isEmpty();
        assertThat(instances.list()).containsExactly(a, b);
    }

    @Test
    void flowsAreReplacedBySaveAndScopedByInstance() {
        ContactFlow f = new ContactFlow("i1", "f1", "name", FlowType.AGENT_TRANSFER, FlowState.ACTIVE, FlowStatus.SAVED);
        flows.save(f);
        flows.save(f.withState(FlowState.ARCHIVED).withStatus(FlowStatus.PUBLISHED));
        assertThat(flows.find("i1", "f1")).hasValue(f.withState(FlowState.ARCHIVED).withStatus(FlowStatus.PUBLISHED));
        assertThat(flows.find("i2", "f1")).isEmpty();
    }

    @Test
    void aFlowKeepsItsDescriptionContentAndTagsThroughEveryChange() {
        String content = "{\"Version\":\"2019-10-30\",\"Actions\":[{\"Text\":\"it's \\\"quoted\\\"\\n😀\"}]}" + "x".repeat(20_000);
        ContactFlow f = new ContactFlow("i1", "f2", "name", FlowType.CONTACT_FLOW, FlowState.ACTIVE, FlowStatus.PUBLISHED,
                Optional.of("Routes tasks; \r\n'quotes' 😀"), Optional.of(content), Map.of("team", "billing", "cost:centre", "42", "e", ""));
        flows.save(f);
        assertThat(flows.find("i1", "f2")).hasValue(f);
        flows.save(f.withState(FlowState.ARCHIVED));
        assertThat(flows.find("i1", "f2")).hasValue(f.withState(FlowState.ARCHIVED));
        ContactFlow bare = new ContactFlow("i1", "f3", "name", FlowType.CONTACT_FLOW, FlowState.ACTIVE, FlowStatus.PUBLISHED);
        flows.save(bare);
        assertThat(flows.find("i1", "f3")).hasValue(bare);
    }

    @Test
    void flowsAndQuickConnectsListByIdInJavasOrderAndByInstance() {
        List<String> ids = List.of("b", "B", "a", "é", "a-1", "😀", "Z", "a_1");
        for (String id : ids) {
            flows.save(new ContactFlow("i1", id, "n", FlowType.CONTACT_FLOW, FlowState.ACTIVE, FlowStatus.PUBLISHED));
            quickConnects.save(new QuickConnect("i1", id, "n", QuickConnectType.FLOW, Optional.empty(), Optional.of("f")));
        }
        flows.save(new ContactFlow("i2", "c", "n", FlowType.CONTACT_FLOW, FlowState.ACTIVE, FlowStatus.PUBLISHED));
        List<String> sorted = ids.stream().sorted().toList();
        assertThat(flows.list("i1")).extracting(ContactFlow::contactFlowId).containsExactlyElementsOf(sorted);
        assertThat(quickConnects.list("i1")).extracting(QuickConnect::quickConnectId).containsExactlyElementsOf(sorted);
        assertThat(flows.list("i2")).extracting(ContactFlow::contactFlowId).containsExactly("c");
        assertThat(quickConnects.list("i3")).isEmpty();
    }

    @Test
    void quickConnectsOfEveryTypeRoundTrip() {
        List<QuickConnect> all = List.of(
                new QuickConnect("i1", "u", "n", QuickConnectType.USER, Optional.of("user"), Optional.of("f")),
                new QuickConnect("i1", "q", "n", QuickConnectType.QUEUE, Optional.of("queue"), Optional.of("f")),
                new QuickConnect("i1", "p", "n", QuickConnectType.PHONE_NUMBER, Optional.of("+1555"), Optional.empty()),
                new QuickConnect("i1", "f", "n", QuickConnectType.FLOW, Optional.empty(), Optional.of("f")));
        all.forEach(quickConnects::save);
        all.forEach(q -> assertThat(quickConnects.find("i1", q.quickConnectId())).hasValue(q));
        assertThat(quickConnects.find("i2", "u")).isEmpty();
    }

    @Test
    void templatesKeepEveryFieldTypeConstraintDefaultAndTheVersion() {
        TaskTemplate t = new TaskTemplate("i1", "t1", "name", Optional.of("For callbacks 😀 \"quoted\""), Optional.of("f"),
                List.of(new TemplateField("Pick", FieldType.SINGLE_SELECT, List.of("a", "b"), Optional.of("Which one; 'a' or \"b\"")),
                        TemplateField.of("N", FieldType.NUMBER), TemplateField.of("Title", FieldType.NAME),
                        TemplateField.of("About", FieldType.DESCRIPTION), TemplateField.of("When", FieldType.SCHEDULED_TIME),
                        TemplateField.of("T", FieldType.TEXT), TemplateField.of("TA", FieldType.TEXT_AREA), TemplateField.of("B", FieldType.BOOLEAN),
                        TemplateField.of("D", FieldType.DATE_TIME), TemplateField.of("U", FieldType.URL), TemplateField.of("E", FieldType.EMAIL)),
                // every field type, and every kind of constraint with more than one field where it can
                new TemplateConstraints(Set.of("Pick", "T"), Set.of("N"), Set.of("TA", "E")), Map.of("N", "3", "T", "x"),
                TemplateStatus.ACTIVE, 1);
        templates.save(t);
        TaskTemplate edited = t.edited(Optional.empty(), Optional.of("Described anew"), Optional.of(Optional.empty()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(TemplateStatus.INACTIVE));
        templates.save(edited);
        assertThat(templates.find("i1", "t1")).hasValue(edited);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.description()).hasValue("Described anew");
        assertThat(edited.fields().get(0).description()).hasValue("Which one; 'a' or \"b\"");
        assertThat(templates.list("i1")).containsExactly(edited);
        assertThat(templates.list("i2")).isEmpty();
    }
}
