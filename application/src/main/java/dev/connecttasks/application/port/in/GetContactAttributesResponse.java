package dev.connecttasks.application.port.in;

import java.util.Map;

/** GetContactAttributes' response: the attributes of the named contact's scope. */
public record GetContactAttributesResponse(Map<String, String> attributes) {
    public GetContactAttributesResponse {
        attributes = Map.copyOf(attributes);
    }
}
