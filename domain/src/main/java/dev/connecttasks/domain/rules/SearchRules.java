package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.Channel;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.request.SearchContactsRequest;
import dev.connecttasks.domain.request.SearchContactsRequest.AttributeCriterion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * SearchContacts: checks in order InstanceId, TimeRange (required; only INITIATION_TIMESTAMP is
 * served; StartTime not after EndTime), the criteria (Channels, InitiationMethods, contact attribute
 * criteria with MatchType MATCH_ALL or MATCH_ANY), Sort (INITIATION_TIMESTAMP, ascending or
 * descending, descending by default), MaxResults (1..100), NextToken; then the caller checks the
 * instance and reads the contacts initiated in the range.
 */
public final class SearchRules {

    /** A checked search: the range, what it keeps, and its page. */
    public record Search(Instant from, Instant to, Predicate<Found> filter, boolean descending, int size, Optional<String> after,
                         String listing) {

        /** The page of what the range holds at {@code now}, in the search's order, with the number of contacts it matched in all. */
        public Result page(List<Found> inRange, Instant now) {
            List<Found> matched = inRange.stream().filter(filter).sorted(Comparator.comparing(SearchRules::key)).toList();
            Pages.Page<Found> page = Pages.of(descending ? reversed(matched) : matched, SearchRules::key, size, after, listing, descending);
            return new Result(page, matched.size(), now);
        }

        private static List<Found> reversed(List<Found> matched) {
            List<Found> copy = new java.util.ArrayList<>(matched);
            java.util.Collections.reverse(copy);
            return copy;
        }
    }

    /** A contact in the range, with its scope's attributes. */
    public record Found(Contact contact, Map<String, String> attributes) {
    }

    /** A page of matches, how many there are in all, and the instant the search read them at (their states are as of then). */
    public record Result(Pages.Page<Found> page, long totalCount, Instant at) {
    }

    private static final int MAX_CRITERIA = 15;
    private static final int MAX_VALUES = 20;

    private SearchRules() {
    }

    public static Search check(SearchContactsRequest r) {
        String instanceId = InstanceRules.instanceId(r.instanceId());
        String type = r.timeRangeType().orElseThrow(() -> missing("TimeRange"));
        if (!List.of("INITIATION_TIMESTAMP", "SCHEDULED_TIMESTAMP", "CONNECTED_TO_AGENT_TIMESTAMP", "DISCONNECT_TIMESTAMP", "ENQUEUE_TIMESTAMP")
                .contains(type)) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "TimeRange Type must be one of the model's SearchContactsTimeRangeType (was '"
                    + MemberRules.abbreviate(type) + "')");
        }
        if (!type.equals("INITIATION_TIMESTAMP")) {
            throw new InvalidRequestException(Reason.MEMBER_NOT_SUPPORTED, "TimeRange Type " + type
                    + " is not supported: connect-tasks searches by INITIATION_TIMESTAMP");
        }
        Instant from = r.startTime().orElseThrow(() -> missing("TimeRange StartTime"));
        Instant to = r.endTime().orElseThrow(() -> missing("TimeRange EndTime"));
        if (from.isAfter(to)) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "TimeRange StartTime " + from + " is after its EndTime " + to);
        }
        Set<Channel> channels = enums(r.channels(), Channel.class, "SearchCriteria Channels");
        Set<InitiationMethod> methods = enums(r.initiationMethods(), InitiationMethod.class, "SearchCriteria InitiationMethods");
        Predicate<Map<String, String>> attributes = attributes(r.attributeCriteria(), r.attributeMatchType());
        boolean descending = sort(r.sortFieldName(), r.sortOrder());
        int size = Pages.size(r.maxResults(), 100);
        String listing = "SearchContacts " + instanceId + " " + from + " " + to + " " + new TreeSet<>(channels) + " " + new TreeSet<>(methods)
                + " " + r.attributeCriteria() + " " + r.attributeMatchType().orElse("MATCH_ALL") + " " + (descending ? "DESC" : "ASC");
        Predicate<Found> filter = f -> (channels.isEmpty() || channels.contains(f.contact().channel()))
                && (methods.isEmpty() || methods.contains(f.contact().initiationMethod())) && attributes.test(f.attributes());
        return new Search(from, to, filter, descending, size, Pages.after(r.nextToken(), listing), listing);
    }

    /** Initiation instant, then id, as text that sorts as they do: the page key. */
    static String key(Found found) {
        Instant at = found.contact().initiationTimestamp();
        // seconds offset past the earliest instant a store keeps, so every key has the same width and sign
        return String.format("%013d%09d/%s", at.getEpochSecond() + 100_000_000_000L, at.getNano(), found.contact().contactId());
    }

    private static Predicate<Map<String, String>> attributes(List<AttributeCriterion> criteria, Optional<String> matchType) {
        if (criteria.size() > MAX_CRITERIA) {
            throw new InvalidParameterException(Reason.INVALID_LENGTH, "SearchableContactAttributes Criteria must have at most " + MAX_CRITERIA
                    + " entries (was " + criteria.size() + ")");
        }
        for (AttributeCriterion c : criteria) {
            Refusals.text(c.key(), "SearchableContactAttributes Criteria Key", 1, 100);
            if (c.values().size() > MAX_VALUES) {
                throw new InvalidParameterException(Reason.INVALID_LENGTH, "SearchableContactAttributes Criteria Values must have at most "
                        + MAX_VALUES + " entries (was " + c.values().size() + ")");
            }
            c.values().forEach(v -> Refusals.text(v, "SearchableContactAttributes Criteria Values", 1, 100));
        }
        String match = matchType.orElse("MATCH_ALL");
        if (match.equals("MATCH_EXACT") || match.equals("MATCH_NONE")) {
            throw new InvalidRequestException(Reason.MEMBER_NOT_SUPPORTED, "SearchableContactAttributes MatchType " + match
                    + " is not supported: MATCH_ALL and MATCH_ANY are");
        }
        if (!match.equals("MATCH_ALL") && !match.equals("MATCH_ANY")) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "SearchableContactAttributes MatchType must be MATCH_ALL, MATCH_ANY, "
                    + "MATCH_EXACT or MATCH_NONE (was '" + MemberRules.abbreviate(match) + "')");
        }
        if (criteria.isEmpty()) {
            return attributes -> true;
        }
        Predicate<Map<String, String>> any = attributes -> criteria.stream().anyMatch(c -> holds(c, attributes));
        Predicate<Map<String, String>> all = attributes -> criteria.stream().allMatch(c -> holds(c, attributes));
        return match.equals("MATCH_ANY") ? any : all;
    }

    /** The attribute is set and, when Values are given, holds one of them. */
    private static boolean holds(AttributeCriterion c, Map<String, String> attributes) {
        String value = attributes.get(c.key());
        return value != null && (c.values().isEmpty() || c.values().contains(value));
    }

    private static boolean sort(Optional<String> field, Optional<String> order) {
        if (field.isEmpty() && order.isEmpty()) {
            return true;
        }
        String name = field.orElseThrow(() -> missing("Sort FieldName"));
        String direction = order.orElseThrow(() -> missing("Sort Order"));
        if (!name.equals("INITIATION_TIMESTAMP")) {
            throw new InvalidRequestException(Reason.MEMBER_NOT_SUPPORTED, "Sort FieldName " + MemberRules.abbreviate(name)
                    + " is not supported: connect-tasks sorts by INITIATION_TIMESTAMP");
        }
        if (!direction.equals("ASCENDING") && !direction.equals("DESCENDING")) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "Sort Order must be ASCENDING or DESCENDING (was '"
                    + MemberRules.abbreviate(direction) + "')");
        }
        return direction.equals("DESCENDING");
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> values, Class<E> type, String member) {
        Set<E> set = new java.util.HashSet<>();
        values.forEach(v -> set.add(Refusals.enumValue(v, type, member)));
        return set;
    }

    private static InvalidParameterException missing(String member) {
        return new InvalidParameterException(Reason.MISSING_PARAMETER, member + " is required");
    }
}
