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

    /** A contact's tags (TagContact): the model's ContactTagMap, 1 to 6 entries, keys of its older ASCII pattern. */
    static final int MAX_CONTACT_TAGS = 6;
    private static final Pattern CONTACT_KEY = Pattern.compile("^(?!aws:)[a-zA-Z+-=._:/]+$");

    /** TagResource's tags: required, and the TagMap's rules. */
    public static void resourceTags(Map<String, String> tags) {
        if (tags.isEmpty()) {
            throw new InvalidParameterException(Reason.MISSING_PARAMETER, "tags is required and holds at least one tag");
        }
        tags(tags);
    }

    /** TagContact's Tags: required, at most 6, keys of the ContactTagKey pattern, values up to 256 characters. */
    public static void contactTags(Map<String, String> tags) {
        if (tags.isEmpty()) {
            throw new InvalidParameterException(Reason.MISSING_PARAMETER, "Tags is required and holds at least one tag");
        }
        if (tags.size() > MAX_CONTACT_TAGS) {
            throw new InvalidParameterException(Reason.INVALID_TAG, "Tags must have at most " + MAX_CONTACT_TAGS + " entries (was " + tags.size() + ")");
        }
        for (Map.Entry<String, String> tag : new java.util.TreeMap<>(tags).entrySet()) {
            contactTagKey(tag.getKey(), "Tags key");
            Refusals.text(tag.getValue(), "Tags value of '" + tag.getKey() + "'", 0, 256);
        }
    }

    /** UntagResource's tagKeys (at most 50 TagKeys) or UntagContact's TagKeys (at most 6 ContactTagKeys): required. */
    public static void tagKeys(java.util.List<String> keys, boolean contact, String member) {
        int max = contact ? MAX_CONTACT_TAGS : MAX_TAGS;
        if (keys.isEmpty()) {
            throw new InvalidParameterException(Reason.MISSING_PARAMETER, member + " is required and holds at least one key");
        }
        if (keys.size() > max) {
            throw new InvalidParameterException(Reason.INVALID_TAG, member + " must have at most " + max + " entries (was " + keys.size() + ")");
        }
        for (String key : keys) {
            if (contact) {
                contactTagKey(key, member);
            } else {
                Refusals.text(key, member, 1, 128);
                if (!KEY.matcher(key).matches()) {
                    throw new InvalidParameterException(Reason.INVALID_TAG, member + " '" + key + "' must match " + KEY.pattern());
                }
            }
        }
    }

    /** The tags after adding {@code added} (new values win), refused past {@code max} in all. */
    public static Map<String, String> added(Map<String, String> tags, Map<String, String> added, boolean contact) {
        Map<String, String> merged = new java.util.HashMap<>(tags);
        merged.putAll(added);
        int max = contact ? MAX_CONTACT_TAGS : MAX_TAGS;
        if (merged.size() > max) {
            throw new InvalidParameterException(Reason.INVALID_TAG, (contact ? "A contact" : "A resource") + " holds at most " + max
                    + " tags; these would make " + merged.size());
        }
        return merged;
    }

    private static void contactTagKey(String key, String member) {
        Refusals.text(key, member, 1, 128);
        if (!CONTACT_KEY.matcher(key).matches()) {
            throw new InvalidParameterException(Reason.INVALID_TAG, member + " '" + key + "' must match " + CONTACT_KEY.pattern()
                    + " (ASCII letters, digits and + , - . / : ; < = _; not starting aws:)");
        }
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
