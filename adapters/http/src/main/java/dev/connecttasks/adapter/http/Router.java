package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The operations' HTTP methods and path templates, as in the service's API model. */
final class Router {

    record Match(String operation, Map<String, String> labels, Function<WireRequest, ObjectNode> handler) {
    }

    private record Route(String method, String[] segments, String operation, Function<WireRequest, ObjectNode> handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, String operation, Function<WireRequest, ObjectNode> handler) {
        routes.add(new Route(method, template.substring(1).split("/", -1), operation, handler));
        return this;
    }

    /** The operation at this method and raw path; empty when there is none. */
    Optional<Match> match(String method, String rawPath) {
        String[] segments = (rawPath.startsWith("/") ? rawPath.substring(1) : rawPath).split("/", -1);
        for (Route route : routes) {
            if (!route.method().equals(method) || route.segments().length != segments.length) {
                continue;
            }
            Map<String, String> labels = labels(route.segments(), segments);
            if (labels != null) {
                return Optional.of(new Match(route.operation(), labels, route.handler()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> labels(String[] template, String[] segments) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                String value = decode(segments[i]);
                if (value.isEmpty()) {
                    return null;
                }
                labels.put(template[i].substring(1, template[i].length() - 1), value);
            } else if (!template[i].equals(segments[i])) {
                return null;
            }
        }
        return labels;
    }

    /** Percent-decoding of one path segment; a '+' in a path is a plus sign. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw MalformedRequest.serialization("The path segment '" + segment + "' is not valid percent-encoding");
        }
    }
}
