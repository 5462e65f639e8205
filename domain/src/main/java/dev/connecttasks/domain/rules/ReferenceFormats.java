package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.ReferenceType;
import java.math.BigDecimal;

/**
 * What each reference type's value must look like. DECISION (behaviour.md 3.1 names the forms):
 * DATE is an integer of epoch seconds; NUMBER a plain decimal ({@code -12.5}, no exponent);
 * EMAIL exactly one {@code @} with text on both sides and no whitespace; URL an absolute
 * {@code http}/{@code https} URI with a host and no whitespace; STRING anything, even empty.
 */
final class ReferenceFormats {

    private ReferenceFormats() {
    }

    static boolean isValid(ReferenceType type, String value) {
        switch (type) {
            case STRING:
                return true;
            case DATE:
                return value.matches("-?[0-9]{1,18}");
            case NUMBER:
                return isDecimal(value);
            case EMAIL:
                return isEmail(value);
            case URL:
                return isHttpUrl(value);
            default:
                throw new IllegalStateException("unknown reference type " + type);
        }
    }

    private static boolean isDecimal(String value) {
        if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return false;
        }
        new BigDecimal(value);
        return true;
    }

    private static boolean isEmail(String value) {
        int at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && at < value.length() - 1 && !containsWhitespace(value);
    }

    private static boolean isHttpUrl(String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        String rest;
        if (lower.startsWith("https://")) {
            rest = value.substring(8);
        } else if (lower.startsWith("http://")) {
            rest = value.substring(7);
        } else {
            return false;
        }
        return !rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '?' && rest.charAt(0) != '#' && !containsWhitespace(value);
    }

    private static boolean containsWhitespace(String value) {
        return value.chars().anyMatch(Character::isWhitespace);
    }
}
