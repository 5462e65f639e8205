package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API model's TagMap: at most 50 entries, keys of 1 to 128 characters matching its pattern
 * (which keeps {@code aws:} for the service's own tags), values of up to 256. An empty map is no
 * tags: the Java API cannot tell it from a map left out, so neither does the wire.
 */
public final class TagRules {

    static final int MAX_TAGS = 50;
    /** The model's pattern: letters, separators and numbers of any script, and {@code _ . : / = + - @}. */
    private static final Pattern KEY = Pattern.compile("^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

    private TagRules() {
    }

    public static void tags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new InvalidParameterException(Reason.INVALID_TAG, "Tags must have at most " + MAX_TAGS + " entries (was " + tags.size() + ")");
        }
        // in key order, so that the same map is refused with the same message on every run
        for (Map.Entry<String, String> tag : new java.util.TreeMap<>(tags).entrySet()) {
            Refusals.text(tag.getKey(), "Tags key", 1, 128);
            if (!KEY.matcher(tag.getKey()).matches()) {
                throw new InvalidParameterException(Reason.INVALID_TAG, "Tags key '" + tag.getKey()
                        + "' must match " + KEY.pattern() + " (letters, spaces, digits and _ . : / = + - @; not starting aws:)");
            }
            Refusals.text(tag.getValue(), "Tags value of '" + tag.getKey() + "'", 0, 256);
        }
    }
}
