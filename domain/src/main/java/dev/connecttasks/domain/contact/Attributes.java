package dev.connecttasks.domain.contact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** User-defined attributes: the key alphabet, their UTF-8 size, and the merge where new values win. */
public final class Attributes {

    private Attributes() {
    }

    /** Keys of 1..32767 characters of {@code [A-Za-z0-9_-]}. */
    public static boolean isValidKey(String key) {
        if (key.isEmpty() || key.length() > 32_767) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Keys and values together, in UTF-8 bytes. */
    public static long utf8Size(Map<String, String> attributes) {
        long total = 0;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            total += utf8Length(e.getKey()) + utf8Length(e.getValue());
        }
        return total;
    }

    public static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The scope after an update: every key of {@code update} takes its new value. Sorted, immutable. */
    public static Map<String, String> merge(Map<String, String> scope, Map<String, String> update) {
        Map<String, String> merged = new TreeMap<>(scope);
        merged.putAll(update);
        return Collections.unmodifiableMap(new LinkedHashMap<>(merged));
    }
}
