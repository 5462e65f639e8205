package dev.connecttasks.application.port.in;

import java.util.Map;

public record GetContactAttributesResponse(Map<String, String> attributes) {
    public GetContactAttributesResponse {
        attributes = Map.copyOf(attributes);
    }
}
