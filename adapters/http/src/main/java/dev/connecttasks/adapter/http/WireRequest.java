package dev.connecttasks.adapter.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One decoded request: the path's labels (InstanceId, ContactId, ...), the query's parameters (a list may repeat its key) and the JSON body. */
record WireRequest(Map<String, String> path, Map<String, List<String>> query, HttpMembers body) {

    WireRequest {
        path = Map.copyOf(path);
        query = Map.copyOf(query);
    }

    String label(String name) {
        return path.get(name);
    }

    /** A query parameter that holds one value; given twice it is refused, since which one was meant is unknown. */
    String queryValue(String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw MalformedRequest.serialization("query parameter " + name + " is given " + values.size() + " times; it takes one value");
        }
        return values.get(0);
    }

    /** A list in the query, its key repeated once for each element, as the SDKs send it; null when absent. */
    List<String> queryValues(String name) {
        return query.get(name);
    }

    /** An integer query parameter; a value that is not one is refused. */
    Optional<Integer> queryInteger(String name) {
        String value = queryValue(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw MalformedRequest.serialization("query parameter " + name + " must be an integer, not '" + value + "'");
        }
    }
}
