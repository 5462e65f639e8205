package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.ReferenceType;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.template.TemplateField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * behaviour.md section 6. Defaults fill what the request leaves out; then required fields must have
 * a value and every value must suit its field. DECISIONS: "under N characters" means at most N-1;
 * an empty Name counts as no value, and a NAME field's default fills it; a SCHEDULED_TIME default
 * gives the field its value (a required one is never missing) but never schedules the task (a
 * fixed instant as a default would soon lie in the past).
 */
final class TemplateFieldRules {

    static final int TEXT_LIMIT = 512;
    static final int TEXT_AREA_LIMIT = 4_096;

    private TemplateFieldRules() {
    }

    /** The description and references the task gets once the template's defaults are applied. */
    record Filled(String name, Optional<String> description, Map<String, Reference> references) {
    }

    static Filled apply(StartTaskContactRequest r, TaskTemplate template) {
        String name = r.name().orElse("");
        Optional<String> description = r.description();
        Map<String, Reference> references = new LinkedHashMap<>(r.references());
        for (TemplateField field : template.fields()) {
            String fallback = template.defaults().get(field.name());
            if (fallback == null) {
                continue;
            }
            if (field.type() == FieldType.NAME && name.isEmpty()) {
                name = fallback;
            } else if (field.type() == FieldType.DESCRIPTION && description.isEmpty()) {
                description = Optional.of(fallback);
            } else if (field.type().referenceType().isPresent() && !references.containsKey(field.name())) {
                references.put(field.name(), Reference.of(field.type().referenceType().get(), fallback));
            }
        }
        for (TemplateField field : template.fields()) {
            Optional<String> value = valueOf(field, r, name, description, references, template);
            if (value.isEmpty()) {
                if (template.constraints().requiredFields().contains(field.name())) {
                    throw new InvalidParameterException(Reason.TEMPLATE_FIELD_MISSING, "Template field '" + field.name() + "' (" + field.type()
                            + ") is required by TaskTemplateId " + template.taskTemplateId() + " and has no value or default");
                }
                continue;
            }
            field.type().referenceType().ifPresent(type -> suits(field, type, references.get(field.name()), template));
        }
        for (String required : template.constraints().requiredFields()) {
            if (template.field(required).isEmpty()) {
                throw new InvalidParameterException(Reason.TEMPLATE_FIELD_MISSING, "Template field '" + required
                        + "' is required by TaskTemplateId " + template.taskTemplateId() + " but the template does not define it");
            }
        }
        return new Filled(name, description, Map.copyOf(references));
    }

    /**
     * UpdateContactTaskTemplate: the task's own name, description and references against the
     * template's fields, as at a start but without the template's defaults (the task keeps what it
     * has); a conflict is a PropertyValidationException with the start's reason.
     */
    static void fits(dev.connecttasks.domain.contact.Contact task, TaskTemplate template) {
        StartTaskContactRequest asStarted = StartTaskContactRequest.builder().instanceId(task.instanceId()).name(task.name())
                .description(task.description().orElse(null)).references(task.references()).scheduledTime(task.scheduledTime().orElse(null))
                .build();
        TaskTemplate withoutDefaults = new TaskTemplate(template.instanceId(), template.taskTemplateId(), template.name(),
                template.description(), template.contactFlowId(), template.fields(), template.constraints(), Map.of(), template.status(),
                template.version());
        try {
            apply(asStarted, withoutDefaults);
        } catch (InvalidParameterException conflict) {
            throw new dev.connecttasks.domain.error.PropertyValidationException(conflict.reason(), conflict.getMessage());
        }
    }

    private static Optional<String> valueOf(TemplateField field, StartTaskContactRequest r, String name, Optional<String> description,
                                            Map<String, Reference> references, TaskTemplate template) {
        switch (field.type()) {
            case NAME:
                return Optional.of(name).filter(n -> !n.isEmpty());
            case DESCRIPTION:
                return description;
            case SCHEDULED_TIME:
                return r.scheduledTime().map(t -> Long.toString(t.getEpochSecond()))
                        .or(() -> Optional.ofNullable(template.defaults().get(field.name())));
            default:
                return Optional.ofNullable(references.get(field.name())).map(Reference::valueOrEmpty);
        }
    }

    private static void suits(TemplateField field, ReferenceType expected, Reference reference, TaskTemplate template) {
        String where = "Template field '" + field.name() + "' (" + field.type() + ") of TaskTemplateId " + template.taskTemplateId();
        if (!reference.type().map(expected.name()::equals).orElse(false)) {
            throw invalid(where + " must be a " + expected + " reference (was " + reference.type().orElse("no type") + ")");
        }
        String value = reference.valueOrEmpty();
        boolean ok;
        switch (field.type()) {
            case TEXT:
                ok = Refusals.characters(value) < TEXT_LIMIT;
                break;
            case TEXT_AREA:
                ok = Refusals.characters(value) < TEXT_AREA_LIMIT;
                break;
            case BOOLEAN:
                ok = value.equals("true") || value.equals("false");
                break;
            case SINGLE_SELECT:
                ok = field.options().contains(value);
                break;
            default:
                ok = ReferenceFormats.isValid(expected, value);
                break;
        }
        if (!ok) {
            throw invalid(where + " does not accept '" + MemberRules.abbreviate(value) + "': " + rule(field));
        }
    }

    private static String rule(TemplateField field) {
        switch (field.type()) {
            case TEXT: return "text must be under " + TEXT_LIMIT + " characters";
            case TEXT_AREA: return "text must be under " + TEXT_AREA_LIMIT + " characters";
            case BOOLEAN: return "the value must be true or false";
            case SINGLE_SELECT: return "the value must be one of " + field.options();
            default: return "the value must be a valid " + field.type().referenceType().orElseThrow();
        }
    }

    private static InvalidParameterException invalid(String message) {
        return new InvalidParameterException(Reason.TEMPLATE_FIELD_INVALID, message);
    }
}
