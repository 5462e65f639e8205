package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pages of the list operations. Items are ordered by their id (Java's string order) and a page
 * starts after the last id of the page before, so walking the pages yields every item once, in one
 * order, also while items are added (an item added behind the walk is not seen; one ahead of it is).
 * A NextToken carries that last id with a check of it and of the listing it belongs to (operation,
 * instance, filters): a token altered, made up, or taken to another listing is refused. Tokens are
 * not secret and do not expire; the check (64-bit FNV-1a) guards against mistakes, not forgery.
 */
public final class Pages {

    /** One page and the token of the next, empty on the last page. */
    public record Page<T>(List<T> items, Optional<String> nextToken) {
        public Page {
            items = List.copyOf(items);
            Objects.requireNonNull(nextToken);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private Pages() {
    }

    /** MaxResults, checked against the operation's bound; absent, a page holds that bound. */
    public static int size(Optional<Integer> maxResults, int max) {
        int size = maxResults.orElse(max);
        if (size < 1 || size > max) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "MaxResults must be 1 to " + max + " (was " + size + ")");
        }
        return size;
    }

    /** The last id of the page before, read back from the token issued for {@code listing}. */
    public static Optional<String> after(Optional<String> nextToken, String listing) {
        if (nextToken.isEmpty()) {
            return Optional.empty();
        }
        String token = nextToken.get();
        int dot = token.indexOf('.');
        try {
            if (dot > 0 && dot % 4 == 0) {
                String last = decode(token.substring(0, dot));
                if (check(listing, last).equals(token.substring(dot + 1))) {
                    return Optional.of(last);
                }
            }
        } catch (IllegalArgumentException notHex) {
            // refused below, as any token this listing did not issue
        }
        throw new InvalidParameterException(Reason.INVALID_NEXT_TOKEN, "NextToken '" + MemberRules.abbreviate(token)
                + "' was not issued for this listing (it is altered, made up, or from another operation, instance or filter)");
    }

    /** The page of {@code sorted} (ordered by {@code id}) after {@code after}, of at most {@code size} items. */
    public static <T> Page<T> of(List<T> sorted, Function<T, String> id, int size, Optional<String> after, String listing) {
        return of(sorted, id, size, after, listing, false);
    }

    /** As {@link #of(List, Function, int, Optional, String)}, with {@code sorted} in descending order of id when {@code descending}. */
    public static <T> Page<T> of(List<T> sorted, Function<T, String> id, int size, Optional<String> after, String listing, boolean descending) {
        List<T> rest = after.map(last -> sorted.stream().filter(item -> {
            int order = id.apply(item).compareTo(last);
            return descending ? order < 0 : order > 0;
        }).toList()).orElse(sorted);
        if (rest.size() <= size) {
            return new Page<>(rest, Optional.empty());
        }
        List<T> items = rest.subList(0, size);
        String last = id.apply(items.get(size - 1));
        return new Page<>(items, Optional.of(encode(last) + "." + check(listing, last)));
    }

    /** Each UTF-16 unit of the id as four hex digits: any id, however odd, reads back as it was. */
    private static String encode(String id) {
        StringBuilder out = new StringBuilder(id.length() * 4);
        id.chars().forEach(c -> out.append(HEX.toHexDigits((char) c)));
        return out.toString();
    }

    private static String decode(String hex) {
        StringBuilder out = new StringBuilder(hex.length() / 4);
        for (int i = 0; i < hex.length(); i += 4) {
            out.append(decodeUnit(hex, i));
        }
        return out.toString();
    }

    private static char decodeUnit(String hex, int at) {
        if (!HexFormat.isHexDigit(hex.charAt(at)) || !HexFormat.isHexDigit(hex.charAt(at + 1)) || !HexFormat.isHexDigit(hex.charAt(at + 2))
                || !HexFormat.isHexDigit(hex.charAt(at + 3))) {
            throw new IllegalArgumentException("not hex");
        }
        return (char) HexFormat.fromHexDigits(hex, at, at + 4);
    }

    /** 64-bit FNV-1a over the UTF-16 units of the listing and the id. */
    private static String check(String listing, String last) {
        long hash = 0xcbf29ce484222325L;
        String text = "connect-tasks page\n" + listing + "\n" + last;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return HEX.toHexDigits(hash);
    }
}
