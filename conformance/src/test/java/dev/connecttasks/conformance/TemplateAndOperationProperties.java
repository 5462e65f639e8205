package dev.connecttasks.conformance;

import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.LimitExceededException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.ContactNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.domain.contact.ContactState;
import dev.connecttasks.domain.contact.DisconnectReason;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.support.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** behaviour.md section 6 (template fields) and section 7 (the other contact operations). */
class TemplateAndOperationProperties {

    private record FieldCase(FieldType type, String referenceType, String value, boolean valid) {
    }

    private static final Gen<FieldCase> FIELD_CASES = Gens.elements(
            new FieldCase(FieldType.TEXT, "STRING", "x".repeat(511), true),
            new FieldCase(FieldType.TEXT, "STRING", "x".repeat(512), false),
            new FieldCase(FieldType.TEXT_AREA, "STRING", "x".repeat(4095), true),
            new FieldCase(FieldType.TEXT_AREA, "STRING", "x".repeat(4096), false),
            new FieldCase(FieldType.BOOLEAN, "STRING", "true", true),
            new FieldCase(FieldType.BOOLEAN, "STRING", "yes", false),
            new FieldCase(FieldType.SINGLE_SELECT, "STRING", "high", true),
            new FieldCase(FieldType.SINGLE_SELECT, "STRING", "urgent", false),
            new FieldCase(FieldType.NUMBER, "NUMBER", "4.5", true),
            new FieldCase(FieldType.NUMBER, "STRING", "4.5", false),
            new FieldCase(FieldType.DATE_TIME, "DATE", "1767225600", true),
            new FieldCase(FieldType.DATE_TIME, "NUMBER", "1767225600", false),
            new FieldCase(FieldType.URL, "URL", "https://example.com", true),
            new FieldCase(FieldType.EMAIL, "EMAIL", "a@example.com", true),
            new FieldCase(FieldType.EMAIL, "STRING", "a@example.com", false));

    /** A field case, its value given in the request or as the template's default. */
    private record FieldValue(FieldCase fieldCase, boolean asDefault) {
    }

    @Test
    void templateFieldValuesMustSuitTheirField() {
        Property.forAll(Gens.combine(FIELD_CASES, Gens.booleans(), FieldValue::new)).tries(120).check(p -> {
            FieldCase c = p.fieldCase();
            boolean asDefault = p.asDefault();
            World w = World.defaults();
            TemplateField field = new TemplateField("F", c.type(), List.of("low", "high"));
            // a default has the field's own reference type, so only the value can be wrong there
            Map<String, String> defaults = asDefault ? Map.of("F", c.value()) : Map.of();
            String template = w.track(w.service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(w.instance).name("t")
                    .contactFlowId(w.flow).fields(List.of(field)).constraints(TemplateConstraints.required(Set.of("F"))).defaults(defaults)
                    .build()).taskTemplateId());
            var request = w.task().contactFlowId(null).taskTemplateId(template);
            if (!asDefault) {
                request.references(Map.of("F", Reference.of(c.referenceType(), c.value())));
            }
            boolean valid = asDefault ? c.valid() || !c.referenceType().equals(field.type().referenceType().orElseThrow().name()) : c.valid();
            if (valid) {
                String id = w.start(request.build());
                assertThat(w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(id).build())
                        .contact().references()).containsKey("F");
            } else {
                w.assertRefusedWithoutEffect(request.build(), InvalidParameterException.class, Reason.TEMPLATE_FIELD_INVALID);
            }
        });
    }

    @Test
    void requiredTemplateFieldsNeedAValueOrADefault() {
        World w = World.defaults();
        List<TemplateField> fields = List.of(TemplateField.of("Notes", FieldType.TEXT), TemplateField.of("Summary", FieldType.DESCRIPTION),
                TemplateField.of("Title", FieldType.NAME), TemplateField.of("When", FieldType.SCHEDULED_TIME));
        String template = w.track(w.service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(w.instance).name("t").contactFlowId(w.flow)
                .fields(fields).constraints(TemplateConstraints.required(Set.of("Notes", "Summary", "Title", "When"))).defaults(Map.of("Summary", "from default"))
                .build()).taskTemplateId());
        var ok = w.task().contactFlowId(null).taskTemplateId(template).references(Map.of("Notes", Reference.of("STRING", "n")))
                .scheduledTime(w.clock.instant().plusSeconds(60));
        w.assertRefusedWithoutEffect(ok.name("").build(), InvalidParameterException.class, Reason.TEMPLATE_FIELD_MISSING);
        w.assertRefusedWithoutEffect(ok.name("t").references(Map.of()).build(), InvalidParameterException.class, Reason.TEMPLATE_FIELD_MISSING);
        w.assertRefusedWithoutEffect(ok.references(Map.of("Notes", Reference.of("STRING", "n"))).scheduledTime(null).build(),
                InvalidParameterException.class, Reason.TEMPLATE_FIELD_MISSING);
        String id = w.start(ok.scheduledTime(w.clock.instant().plusSeconds(60)).build());
        assertThat(w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(id).build()).contact().description())
                .hasValue("from default");
        // a template edit makes a new version; the task keeps the version it was created from
        w.service.updateTaskTemplate(UpdateTaskTemplateRequest.builder().instanceId(w.instance).taskTemplateId(template).status("INACTIVE").build());
        assertThat(w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(id).build()).contact().flow()
                .orElseThrow().templateVersion()).hasValue(1);
        assertThat(w.service.getTaskTemplate(w.instance, template).version()).isEqualTo(2);
    }

    @Test
    void aRequiredFieldThatItsDefaultFillsIsNeverMissing() {
        World w = World.defaults();
        List<TemplateField> fields = List.of(TemplateField.of("Title", FieldType.NAME), TemplateField.of("When", FieldType.SCHEDULED_TIME));
        String template = w.track(w.service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(w.instance).name("t")
                .contactFlowId(w.flow).fields(fields).constraints(TemplateConstraints.required(Set.of("Title", "When")))
                .defaults(Map.of("Title", "Call the customer back", "When", "1767603600")).build()).taskTemplateId());

        String id = w.start(w.task().contactFlowId(null).taskTemplateId(template).name("").build());
        var contact = w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(id).build()).contact();
        assertThat(contact.name()).as("the NAME field's default fills an empty Name").isEqualTo("Call the customer back");
        assertThat(contact.scheduledTime()).as("a SCHEDULED_TIME default fills the field but schedules nothing").isEmpty();
        String named = w.start(w.task().contactFlowId(null).taskTemplateId(template).name("mine").build());
        assertThat(w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(named).build()).contact().name())
                .isEqualTo("mine");
    }

    @Test
    void updateTaskTemplateReplacesTheWholeContentSoALeftOutFlowIsGone() {
        World w = World.defaults();
        List<TemplateField> fields = List.of(TemplateField.of("Notes", FieldType.TEXT));
        String template = w.track(w.service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(w.instance).name("t")
                .contactFlowId(w.flow).fields(fields).constraints(TemplateConstraints.required(Set.of("Notes")))
                .defaults(Map.of("Notes", "n")).build()).taskTemplateId());
        w.start(w.task().contactFlowId(null).taskTemplateId(template).build());

        w.service.updateTaskTemplate(UpdateTaskTemplateRequest.builder().instanceId(w.instance).taskTemplateId(template).build());
        var updated = w.service.getTaskTemplate(w.instance, template);
        assertThat(updated.contactFlowId()).as("no ContactFlowId in the update: no flow").isEmpty();
        assertThat(updated.fields()).isEmpty();
        assertThat(updated.defaults()).isEmpty();
        assertThat(updated.constraints().requiredFields()).isEmpty();
        assertThat(updated.name()).as("Name, left out, stays").isEqualTo("t");
        assertThat(updated.status()).isEqualTo(dev.connecttasks.domain.template.TemplateStatus.ACTIVE);
        w.assertRefusedWithoutEffect(w.task().contactFlowId(null).taskTemplateId(template).build(), InvalidRequestException.class,
                Reason.TEMPLATE_HAS_NO_FLOW);

        w.service.updateTaskTemplate(UpdateTaskTemplateRequest.builder().instanceId(w.instance).taskTemplateId(template).contactFlowId(w.flow)
                .build());
        w.start(w.task().contactFlowId(null).taskTemplateId(template).build());
    }

    @Test
    void chainMembersShareAttributesAndRelatedCopiesNeverCross() {
        Property.forAll(Gens.lists(Gens.integers(0, 3), 1, 12)).tries(100).check(updates -> {
            World w = World.defaults();
            String b = w.start(w.task().previousContactId(w.root).attributes(Map.of("b", "1")).build());
            String c = w.start(w.task().previousContactId(b).build());
            String related = w.start(w.task().relatedContactId(b).attributes(Map.of("r", "1")).build());
            List<String> targets = List.of(w.root, b, c, related);
            for (int i = 0; i < updates.size(); i++) {
                w.service.updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(w.instance)
                        .initialContactId(targets.get(updates.get(i))).attributes(Map.of("u" + updates.get(i), "v" + i)).build());
            }
            Map<String, String> chain = attributes(w, w.root);
            assertThat(attributes(w, b)).isEqualTo(chain);
            assertThat(attributes(w, c)).isEqualTo(chain);
            assertThat(attributes(w, related)).containsEntry("r", "1").doesNotContainKeys("u0", "u1", "u2");
            assertThat(chain).doesNotContainKeys("r", "u3").containsEntry("seed", "1").containsEntry("b", "1");
        });
    }

    @Test
    void updateContactAttributesRules() {
        World w = World.defaults();
        assertThat(update(w, w.root, Map.of("bad key", "v"))).isEqualTo(Outcome.error(InvalidParameterException.class, Reason.INVALID_ATTRIBUTE_KEY));
        assertThat(update(w, "nope", Map.of("a", "v"))).isEqualTo(Outcome.error(ResourceNotFoundException.class, Reason.CONTACT));
        assertThat(update(w, w.root, Map.of("big", "x".repeat(32_766)))).isEqualTo(Outcome.error(InvalidParameterException.class, Reason.ATTRIBUTES_TOO_LARGE));
        assertThat(attributes(w, w.root)).isEqualTo(Map.of("seed", "1"));
        w.service.stopContact(StopContactRequest.builder().instanceId(w.instance).contactId(w.root).build());
        assertThat(update(w, w.root, Map.of("after", "stop"))).isEqualTo(Outcome.ok("done"));
        assertThat(attributes(w, w.root)).isEqualTo(Map.of("seed", "1", "after", "stop"));
    }

    @Test
    void stopEndsAnOpenTaskOnce() {
        World w = World.defaults();
        w.clock.advance(Duration.ofMinutes(3));
        w.service.stopContact(StopContactRequest.builder().instanceId(w.instance).contactId(w.root).build());
        var d = w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(w.root).build());
        assertThat(d.state()).isEqualTo(ContactState.ENDED);
        assertThat(d.disconnectReason()).hasValue(DisconnectReason.API);
        assertThat(d.disconnectTimestamp()).hasValue(w.clock.instant());
        assertThat(Outcome.of(() -> { w.service.stopContact(StopContactRequest.builder().instanceId(w.instance).contactId(w.root).build()); return ""; }))
                .isEqualTo(Outcome.error(ContactNotFoundException.class, Reason.CONTACT_NOT_ACTIVE));
        String expiring = w.start(w.task().build());
        w.clock.advance(Duration.ofDays(7));
        assertThat(Outcome.of(() -> { w.service.stopContact(StopContactRequest.builder().instanceId(w.instance).contactId(expiring).build()); return ""; }))
                .isEqualTo(Outcome.error(ContactNotFoundException.class, Reason.CONTACT_NOT_ACTIVE));
        assertThat(Outcome.of(() -> { w.service.stopContact(StopContactRequest.builder().instanceId(w.instance).contactId("nope").build()); return ""; }))
                .isEqualTo(Outcome.error(ResourceNotFoundException.class, Reason.CONTACT));
    }

    @Test
    void rescheduleOnlyWaitingTasksWithinTheWindowAtMostTwentyTimes() {
        World w = World.defaults();
        String waiting = w.start(w.task().scheduledTime(w.clock.instant().plus(Duration.ofDays(1))).build());
        assertThat(reschedule(w, w.root, Duration.ofHours(1))).isEqualTo(Outcome.error(InvalidRequestException.class, Reason.CONTACT_NOT_SCHEDULED));
        assertThat(reschedule(w, waiting, Duration.ofSeconds(-1))).isEqualTo(Outcome.error(InvalidParameterException.class, Reason.SCHEDULED_TIME_IN_PAST));
        assertThat(reschedule(w, waiting, Duration.ofDays(6).plusSeconds(1)))
                .isEqualTo(Outcome.error(InvalidParameterException.class, Reason.SCHEDULED_TIME_TOO_FAR));
        for (int i = 0; i < 20; i++) {
            assertThat(reschedule(w, waiting, Duration.ofHours(2 + i))).isEqualTo(Outcome.ok("done"));
        }
        assertThat(reschedule(w, waiting, Duration.ofHours(30))).isEqualTo(Outcome.error(LimitExceededException.class, Reason.RESCHEDULE_LIMIT));
        // expiry counts from the latest schedule: 21 hours ahead, plus 7 days
        var d = w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(waiting).build());
        assertThat(d.expiresAt()).hasValue(w.clock.instant().plus(Duration.ofHours(21)).plus(Duration.ofDays(7)));
        w.clock.advance(Duration.ofHours(22));
        assertThat(reschedule(w, waiting, Duration.ofHours(1))).isEqualTo(Outcome.error(InvalidRequestException.class, Reason.CONTACT_NOT_SCHEDULED));
    }

    private static Outcome reschedule(World w, String id, Duration ahead) {
        return Outcome.of(() -> {
            w.service.updateContactSchedule(UpdateContactScheduleRequest.builder().instanceId(w.instance).contactId(id)
                    .scheduledTime(w.clock.instant().plus(ahead)).build());
            return "done";
        });
    }

    private static Outcome update(World w, String id, Map<String, String> attributes) {
        return Outcome.of(() -> {
            w.service.updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(w.instance).initialContactId(id).attributes(attributes).build());
            return "done";
        });
    }

    private static Map<String, String> attributes(World w, String id) {
        return w.service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(w.instance).initialContactId(id).build()).attributes();
    }
}
