package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.application.port.in.ConnectTasksService;
import java.util.List;
import java.util.Map;

/** Tags of resources (named by ARN in the path) and of contacts, from wire members to the service and back. */
final class TagOperations {

    private final ConnectTasksService service;

    TagOperations(ConnectTasksService service) {
        this.service = service;
    }

    ObjectNode tagResource(WireRequest request) {
        service.tagResource(request.label("resourceArn"), orEmpty(request.body().stringMap("tags")));
        return Wire.object();
    }

    ObjectNode untagResource(WireRequest request) {
        service.untagResource(request.label("resourceArn"), orEmpty(request.queryValues("tagKeys")));
        return Wire.object();
    }

    ObjectNode listTagsForResource(WireRequest request) {
        ObjectNode response = Wire.object();
        response.set("tags", Wire.stringMap(service.listTagsForResource(request.label("resourceArn"))));
        return response;
    }

    ObjectNode tagContact(WireRequest request) {
        HttpMembers b = request.body();
        service.tagContact(b.string("InstanceId"), b.string("ContactId"), orEmpty(b.stringMap("Tags")));
        return Wire.object();
    }

    ObjectNode untagContact(WireRequest request) {
        service.untagContact(request.label("InstanceId"), request.label("ContactId"), orEmpty(request.queryValues("TagKeys")));
        return Wire.object();
    }

    private static Map<String, String> orEmpty(Map<String, String> tags) {
        return tags == null ? Map.of() : tags;
    }

    private static List<String> orEmpty(List<String> keys) {
        return keys == null ? List.of() : keys;
    }
}
