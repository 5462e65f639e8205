package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.util.Optional;

/**
 * The ARN form of the ids that name an instance's resources, as the service hands them out
 * ({@code arn:aws:connect:us-east-1:000000000000:instance/<InstanceId>[/contact-flow|transfer-destination|task-template/<id>]}):
 * programs deployed by CloudFormation pass {@code !Ref} of a flow, which is its ARN. An ARN that names
 * this service's instance (and, for a flow, quick connect or template, the request's instance) is read
 * as the bare id; any other value, an ARN of another instance, account or region or a malformed one
 * included, is left as it is, and so is not found like any unknown id.
 */
public final class ResourceArns {

    /** The partition, region and account of every ARN this service hands out: it has no AWS account of its own. */
    public static final String INSTANCE_ARN_PREFIX = "arn:aws:connect:us-east-1:000000000000:instance/";

    private ResourceArns() {
    }

    /** StartTaskContact with the ARN form of InstanceId, ContactFlowId, QuickConnectId and TaskTemplateId read as bare ids. */
    public static StartTaskContactRequest resolved(StartTaskContactRequest r) {
        Optional<String> instance = r.instanceId().map(ResourceArns::instanceId);
        if (instance.equals(r.instanceId()) && !isArn(r.contactFlowId()) && !isArn(r.quickConnectId()) && !isArn(r.taskTemplateId())) {
            return r;
        }
        return r.toBuilder().instanceId(instance.orElse(null))
                .contactFlowId(r.contactFlowId().map(id -> resource(id, instance, FLOW_KIND)).orElse(null))
                .quickConnectId(r.quickConnectId().map(id -> resource(id, instance, QUICK_CONNECT_KIND)).orElse(null))
                .taskTemplateId(r.taskTemplateId().map(id -> resource(id, instance, TEMPLATE_KIND)).orElse(null))
                .build();
    }

    /** The bare InstanceId of an instance ARN of this service; any other value as it is. */
    public static String instanceId(String value) {
        if (!value.startsWith(INSTANCE_ARN_PREFIX)) {
            return value;
        }
        String rest = value.substring(INSTANCE_ARN_PREFIX.length());
        return rest.isEmpty() || rest.indexOf('/') >= 0 ? value : rest;
    }

    /** The bare ContactFlowId of a flow ARN of the request's instance; any other value as it is. */
    public static Optional<String> contactFlowId(Optional<String> value, Optional<String> instanceId) {
        return value.map(id -> resource(id, instanceId, FLOW_KIND));
    }

    /** The bare TaskTemplateId of a template ARN of the request's instance; any other value as it is. */
    public static Optional<String> taskTemplateId(Optional<String> value, Optional<String> instanceId) {
        return value.map(id -> resource(id, instanceId, TEMPLATE_KIND));
    }

    /** The bare id of a resource ARN of this service naming {@code kind} in the request's instance; any other value as it is. */
    static String resource(String value, Optional<String> instanceId, String kind) {
        if (instanceId.isEmpty()) {
            return value;
        }
        String prefix = INSTANCE_ARN_PREFIX + instanceId.get() + "/" + kind + "/";
        if (!value.startsWith(prefix)) {
            return value;
        }
        String id = value.substring(prefix.length());
        return id.isEmpty() || id.indexOf('/') >= 0 ? value : id;
    }

    /** What a resource ARN names: an instance ({@code kind} "instance", {@code id} the instance's) or one of its flows, quick connects or templates. */
    public record Named(String instanceId, String kind, String id) {
        /** The key its tags are kept under in the instance: the ARN's part after the instance. */
        public String tagKey() {
            return kind.equals(INSTANCE_KIND) ? INSTANCE_KIND : ResourceArns.tagKey(kind, id);
        }
    }

    public static final String INSTANCE_KIND = "instance";
    /** The kinds of an instance's resources, as the ARN path names them. */
    public static final String FLOW_KIND = "contact-flow";
    public static final String QUICK_CONNECT_KIND = "transfer-destination";
    public static final String TEMPLATE_KIND = "task-template";
    public static final String CONTACT_KIND = "contact";
    public static final java.util.List<String> TAGGABLE_KINDS = java.util.List.of(FLOW_KIND, QUICK_CONNECT_KIND, TEMPLATE_KIND);

    /** The key the tags of the {@code kind} resource {@code id} are kept under in its instance. */
    public static String tagKey(String kind, String id) {
        return kind + "/" + id;
    }

    /** The resource a TagResource, UntagResource or ListTagsForResource ARN names; empty when it names none this service hands out. */
    public static Optional<Named> named(String arn) {
        if (!arn.startsWith(INSTANCE_ARN_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = arn.substring(INSTANCE_ARN_PREFIX.length()).split("/", -1);
        if (parts.length == 1 && !parts[0].isEmpty()) {
            return Optional.of(new Named(parts[0], INSTANCE_KIND, parts[0]));
        }
        if (parts.length == 3 && !parts[0].isEmpty() && !parts[2].isEmpty() && TAGGABLE_KINDS.contains(parts[1])) {
            return Optional.of(new Named(parts[0], parts[1], parts[2]));
        }
        return Optional.empty();
    }

    private static boolean isArn(Optional<String> value) {
        return value.filter(v -> v.startsWith("arn:")).isPresent();
    }
}
