package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import java.util.Optional;

/** The member checks every operation shares, with messages that name the member and the rule. */
public final class Refusals {

    private Refusals() {
    }

    /** An id member: a value with U+0000 is allowed here and names nothing, so it is not found like any unknown id. */
    public static String required(Optional<String> value, String member, int min, int max) {
        String present = value.orElseThrow(() -> new InvalidParameterException(Reason.MISSING_PARAMETER, member + " is required"));
        length(present, member, min, max);
        return present;
    }

    public static void optional(Optional<String> value, String member, int min, int max) {
        value.ifPresent(v -> length(v, member, min, max));
    }

    /** A text member, which the stores keep: as {@link #required}, and without U+0000. */
    public static String requiredText(Optional<String> value, String member, int min, int max) {
        String present = required(value, member, min, max);
        noNul(present, member);
        return present;
    }

    public static void optionalText(Optional<String> value, String member, int min, int max) {
        value.ifPresent(v -> text(v, member, min, max));
    }

    public static void text(String value, String member, int min, int max) {
        length(value, member, min, max);
        noNul(value, member);
    }

    /**
     * The API model's lengths are Smithy length constraints, which count Unicode scalar values: an
     * emoji is one character, as botocore counts it. A string that is no Unicode (an unpaired UTF-16
     * surrogate, which no client can encode as UTF-8 to send) is refused first.
     */
    public static void length(String value, String member, int min, int max) {
        wellFormed(value, member);
        int length = characters(value);
        if (length < min) {
            throw new InvalidParameterException(Reason.INVALID_LENGTH,
                    member + " must be at least " + min + " character" + (min == 1 ? "" : "s") + " (was " + length + ")");
        }
        if (length > max) {
            throw new InvalidParameterException(Reason.INVALID_LENGTH,
                    member + " must be at most " + max + " characters (was " + length + ")");
        }
    }

    /** Unicode scalar values: a pair of UTF-16 surrogates counts once. */
    public static int characters(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Refuses a string with an unpaired UTF-16 surrogate, naming where it is. */
    public static void wellFormed(String value, String member) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidParameterException(Reason.INVALID_CHARACTERS, member + " must be Unicode text: it has an unpaired "
                        + "UTF-16 surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i
                        + ", which no UTF-8 request can carry");
            }
        }
    }

    /** Refuses U+0000 in a text member: not every store can keep it (PostgreSQL's text cannot), so none takes it. */
    public static void noNul(String value, String member) {
        int at = value.indexOf('\u0000');
        if (at >= 0) {
            throw new InvalidParameterException(Reason.INVALID_CHARACTERS, member + " must not contain U+0000 (NUL), found at index " + at);
        }
    }

    /** An enum member given as text, as on the wire: unknown values are refused with the allowed ones named. */
    public static <E extends Enum<E>> E enumValue(String value, Class<E> type, String member) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidParameterException(Reason.INVALID_VALUE,
                member + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + " (was '" + value + "')");
    }
}
