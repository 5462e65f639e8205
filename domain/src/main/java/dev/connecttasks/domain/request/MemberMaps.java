package dev.connecttasks.domain.request;

import java.util.Map;

/** A map member copied into a request: a null key or value is the caller's mistake, named with its member and key. */
final class MemberMaps {

    private MemberMaps() {
    }

    static <V> Map<String, V> copyOf(Map<String, V> map, String member) {
        if (map == null) {
            throw new NullPointerException(member + " must not be null (leave it out for none)");
        }
        for (Map.Entry<String, V> entry : map.entrySet()) {
            if (entry.getKey() == null) {
                throw new NullPointerException(member + " holds a null key");
            }
            if (entry.getValue() == null) {
                throw new NullPointerException(member + " value of '" + entry.getKey() + "' must not be null");
            }
        }
        return Map.copyOf(map);
    }
}
