package dev.connecttasks.adapter.http;

import dev.connecttasks.domain.rules.ResourceArns;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Task templates. On the wire a field is named by {@code Id.Name}; constraints are lists of such
 * ids; defaults are {@code DefaultFieldValues} of an id and a value.
 */
final class TemplateOperations {

    private final ConnectTasksService service;

    TemplateOperations(ConnectTasksService service) {
        this.service = service;
    }

    ObjectNode createTaskTemplate(WireRequest request) {
        HttpMembers b = request.body();
        TaskTemplate template = service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(request.label("InstanceId"))
                .name(b.string("Name")).contactFlowId(b.string("ContactFlowId")).fields(fields(b)).constraints(constraints(b))
                .defaults(defaults(b)).status(b.string("Status")).description(b.string("Description")).build());
        return Wire.object().put("Id", template.taskTemplateId()).put("Arn", arn(template));
    }

    ObjectNode getTaskTemplate(WireRequest request) {
        return describe(service.getTaskTemplate(request.label("InstanceId"), request.label("TaskTemplateId")));
    }

    ObjectNode updateTaskTemplate(WireRequest request) {
        HttpMembers b = request.body();
        return describe(service.updateTaskTemplate(UpdateTaskTemplateRequest.builder().instanceId(request.label("InstanceId"))
                .taskTemplateId(request.label("TaskTemplateId")).name(b.string("Name")).contactFlowId(b.string("ContactFlowId"))
                .fields(fields(b)).constraints(constraints(b)).defaults(defaults(b)).status(b.string("Status"))
                .description(b.string("Description")).build()));
    }

    ObjectNode deleteTaskTemplate(WireRequest request) {
        service.deleteTaskTemplate(request.label("InstanceId"), request.label("TaskTemplateId"));
        return Wire.object();
    }

    ObjectNode listTaskTemplates(WireRequest request) {
        return Listings.answer(service.listTaskTemplates(Listings.request(request, null).status(request.queryValue("status"))
                .name(request.queryValue("name")).build()), "TaskTemplates", template -> {
                    ObjectNode summary = Wire.object().put("Id", template.taskTemplateId()).put("Arn", arn(template)).put("Name", template.name())
                            .put("Status", template.status().name());
                    Wire.put(summary, "Description", template.description());
                    return summary;
                });
    }

    private static ObjectNode describe(TaskTemplate t) {
        ObjectNode node = Wire.object().put("InstanceId", t.instanceId()).put("Id", t.taskTemplateId()).put("Arn", arn(t)).put("Name", t.name())
                .put("Status", t.status().name());
        Wire.put(node, "Description", t.description());
        t.contactFlowId().ifPresent(flow -> node.put("ContactFlowId", flow));
        ArrayNode fields = node.putArray("Fields");
        for (TemplateField field : t.fields()) {
            ObjectNode f = fields.addObject();
            f.putObject("Id").put("Name", field.name());
            Wire.put(f, "Description", field.description());
            f.put("Type", field.type().name());
            if (!field.options().isEmpty()) {
                ArrayNode options = f.putArray("SingleSelectOptions");
                field.options().forEach(options::add);
            }
        }
        ObjectNode constraints = node.putObject("Constraints");
        ids(constraints.putArray("RequiredFields"), t.constraints().requiredFields());
        ids(constraints.putArray("ReadOnlyFields"), t.constraints().readOnlyFields());
        ids(constraints.putArray("InvisibleFields"), t.constraints().invisibleFields());
        ArrayNode defaults = node.putObject("Defaults").putArray("DefaultFieldValues");
        t.defaults().forEach((name, value) -> {
            ObjectNode d = defaults.addObject();
            d.putObject("Id").put("Name", name);
            d.put("DefaultValue", value);
        });
        return node;
    }

    private static void ids(ArrayNode list, Set<String> names) {
        names.forEach(name -> list.addObject().putObject("Id").put("Name", name));
    }

    private static List<TemplateField> fields(HttpMembers b) {
        List<HttpMembers> wire = b.structureList("Fields");
        if (wire == null) {
            return null;
        }
        List<TemplateField> fields = new ArrayList<>();
        for (HttpMembers f : wire) {
            String type = f.string("Type");
            List<String> options = f.stringList("SingleSelectOptions");
            fields.add(new TemplateField(name(f), fieldType(type), options == null ? List.of() : options,
                    java.util.Optional.ofNullable(f.string("Description"))));
        }
        return fields;
    }

    private static FieldType fieldType(String type) {
        try {
            return FieldType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "Fields Type must be one of " + Arrays.toString(FieldType.values())
                    + ", not '" + type + "'");
        }
    }

    private static TemplateConstraints constraints(HttpMembers b) {
        HttpMembers c = b.structure("Constraints");
        if (c == null) {
            return null;
        }
        return new TemplateConstraints(idSet(c, "RequiredFields"), idSet(c, "ReadOnlyFields"), idSet(c, "InvisibleFields"));
    }

    private static Set<String> idSet(HttpMembers constraints, String member) {
        List<HttpMembers> ids = constraints.structureList(member);
        Set<String> names = new LinkedHashSet<>();
        if (ids != null) {
            ids.forEach(id -> names.add(name(id)));
        }
        return names;
    }

    private static Map<String, String> defaults(HttpMembers b) {
        HttpMembers d = b.structure("Defaults");
        if (d == null) {
            return null;
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        List<HttpMembers> values = d.structureList("DefaultFieldValues");
        if (values != null) {
            for (HttpMembers v : values) {
                String value = v.string("DefaultValue");
                if (value == null) {
                    throw new InvalidParameterException(Reason.INVALID_VALUE, "Defaults DefaultFieldValues DefaultValue is required, for field '"
                            + name(v) + "'");
                }
                defaults.put(name(v), value);
            }
        }
        return defaults;
    }

    /** The {@code Id.Name} of a field reference; an absent name reads as empty, which the rules refuse. */
    private static String name(HttpMembers withId) {
        HttpMembers id = withId.structure("Id");
        String name = id == null ? null : id.string("Name");
        return name == null ? "" : name;
    }

    private static String arn(TaskTemplate t) {
        return Wire.arn(t.instanceId(), ResourceArns.TEMPLATE_KIND, t.taskTemplateId());
    }
}
