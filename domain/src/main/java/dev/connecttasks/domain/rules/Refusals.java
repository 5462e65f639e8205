package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import java.util.Optional;

/** The member checks every operation shares, with messages that name the member and the rule. */
public final class Refusals {

    private Refusals() {
    }

    public static String required(Optional<String> value, String member, int min, int max) {
        String present = value.orElseThrow(() -> new InvalidParameterException(Reason.MISSING_PARAMETER, member + " is required"));
        length(present, member, min, max);
        return present;
    }

    public static void optional(Optional<String> value, String member, int min, int max) {
        value.ifPresent(v -> length(v, member, min, max));
    }

    public static void length(String value, String member, int min, int max) {
        if (value.length() < min) {
            throw new InvalidParameterException(Reason.INVALID_LENGTH,
                    member + " must be at least " + min + " character" + (min == 1 ? "" : "s") + " (was " + value.length() + ")");
        }
        if (value.length() > max) {
            throw new InvalidParameterException(Reason.INVALID_LENGTH,
                    member + " must be at most " + max + " characters (was " + value.length() + ")");
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
