package dev.connecttasks.adapter.http;

import java.util.Map;

/** One decoded request: the path's labels (InstanceId, ContactId, ...), the query and the JSON body. */
record WireRequest(Map<String, String> path, Map<String, String> query, HttpMembers body) {

    String label(String name) {
        return path.get(name);
    }
}
