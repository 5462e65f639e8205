package dev.connecttasks.application.service;

import static dev.connecttasks.application.service.PortFailures.guarded;

import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.application.port.in.Tagging;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.rules.ContactFlowRules;
import dev.connecttasks.domain.rules.ContactOperationRules;
import dev.connecttasks.domain.rules.QuickConnectRules;
import dev.connecttasks.domain.rules.Refusals;
import dev.connecttasks.domain.rules.ResourceArns;
import dev.connecttasks.domain.rules.TagRules;
import dev.connecttasks.domain.rules.TaskTemplateRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tags: the members, then the thing tagged must exist, then one atomic change of its tags. */
final class TaggingService implements Tagging {

    private final StorePorts stores;
    private final KnownInstances instances;

    TaggingService(StorePorts stores, KnownInstances instances) {
        this.stores = stores;
        this.instances = instances;
    }

    @Override
    public void tagResource(String resourceArn, Map<String, String> tags) {
        guarded("TagResource", () -> {
            ResourceArns.Named resource = arn(resourceArn);
            TagRules.resourceTags(tags);
            existing(resource);
            stores.tags().change(resource.instanceId(), resource.tagKey(), current -> TagRules.added(current, tags, false));
        });
    }

    @Override
    public void untagResource(String resourceArn, List<String> tagKeys) {
        guarded("UntagResource", () -> {
            ResourceArns.Named resource = arn(resourceArn);
            TagRules.tagKeys(tagKeys, false, "tagKeys");
            existing(resource);
            stores.tags().change(resource.instanceId(), resource.tagKey(), current -> without(current, tagKeys));
        });
    }

    @Override
    public Map<String, String> listTagsForResource(String resourceArn) {
        return guarded("ListTagsForResource", () -> {
            ResourceArns.Named resource = arn(resourceArn);
            existing(resource);
            return stores.tags().tags(resource.instanceId(), resource.tagKey());
        });
    }

    @Override
    public void tagContact(String instanceId, String contactId, Map<String, String> tags) {
        guarded("TagContact", () -> {
            String id = Refusals.required(Optional.ofNullable(contactId), "ContactId", 1, 256);
            TagRules.contactTags(tags);
            String instance = contact(instanceId, id);
            stores.tags().change(instance, contactKey(id), current -> TagRules.added(current, tags, true));
        });
    }

    @Override
    public void untagContact(String instanceId, String contactId, List<String> tagKeys) {
        guarded("UntagContact", () -> {
            String id = Refusals.required(Optional.ofNullable(contactId), "ContactId", 1, 256);
            TagRules.tagKeys(tagKeys, true, "TagKeys");
            String instance = contact(instanceId, id);
            stores.tags().change(instance, contactKey(id), current -> without(current, tagKeys));
        });
    }

    @Override
    public Map<String, String> contactTags(String instanceId, String contactId) {
        return guarded("DescribeContact", () -> {
            String id = Refusals.required(Optional.ofNullable(contactId), "ContactId", 1, 256);
            return stores.tags().tags(contact(instanceId, id), contactKey(id));
        });
    }

    /** The tags of a contact DescribeContact has found already: no second look at the contact. */
    Map<String, String> storedContactTags(String instanceId, String contactId) {
        return guarded("DescribeContact", () -> stores.tags().tags(instanceId, contactKey(contactId)));
    }

    /** The tags of a flow, as DescribeContactFlow shows them. */
    Map<String, String> flowTags(String instanceId, String contactFlowId) {
        return stores.tags().tags(instanceId, ResourceArns.tagKey(ResourceArns.FLOW_KIND, contactFlowId));
    }

    private static String contactKey(String contactId) {
        return ResourceArns.tagKey(ResourceArns.CONTACT_KIND, contactId);
    }

    private String contact(String instanceId, String contactId) {
        String instance = instances.existing(Optional.ofNullable(instanceId).map(ResourceArns::instanceId));
        instances.afterDeletionRefusedAsInstance(instance,
                () -> ContactOperationRules.existing(stores.contacts().findContact(instance, contactId), contactId));
        return instance;
    }

    private static ResourceArns.Named arn(String resourceArn) {
        String arn = Refusals.required(Optional.ofNullable(resourceArn), "resourceArn", 1, 2_048);
        return ResourceArns.named(arn).orElseThrow(() -> new ResourceNotFoundException(Reason.RESOURCE, "resourceArn " + arn
                + " names no instance, flow, quick connect or task template of this service (" + ResourceArns.INSTANCE_ARN_PREFIX
                + "<InstanceId>[/contact-flow|transfer-destination|task-template/<id>])"));
    }

    private void existing(ResourceArns.Named resource) {
        String instance = instances.existing(Optional.of(resource.instanceId()));
        switch (resource.kind()) {
            case ResourceArns.FLOW_KIND -> stores.flows().find(instance, resource.id()).orElseThrow(() -> ContactFlowRules.notFound(resource.id()));
            case ResourceArns.QUICK_CONNECT_KIND -> stores.quickConnects().find(instance, resource.id())
                    .orElseThrow(() -> QuickConnectRules.notFound(resource.id()));
            case ResourceArns.TEMPLATE_KIND -> stores.templates().find(instance, resource.id()).orElseThrow(() -> TaskTemplateRules.notFound(resource.id()));
            default -> { }
        }
    }

    private static Map<String, String> without(Map<String, String> tags, List<String> keys) {
        Map<String, String> left = new HashMap<>(tags);
        keys.forEach(left::remove);
        return left;
    }
}
