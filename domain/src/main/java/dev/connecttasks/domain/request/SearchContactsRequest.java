package dev.connecttasks.domain.request;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SearchContacts' request, the members connect-tasks serves: a time range, channel, initiation
 * method and contact attribute criteria, a sort, MaxResults and NextToken.
 */
public record SearchContactsRequest(Optional<String> instanceId, Optional<String> timeRangeType, Optional<Instant> startTime,
                                    Optional<Instant> endTime, List<String> channels, List<String> initiationMethods,
                                    List<AttributeCriterion> attributeCriteria, Optional<String> attributeMatchType,
                                    Optional<String> sortFieldName, Optional<String> sortOrder, Optional<Integer> maxResults,
                                    Optional<String> nextToken) {

    /** One SearchableContactAttributes criterion: the attribute {@code key} holds one of {@code values}. */
    public record AttributeCriterion(String key, List<String> values) {
        public AttributeCriterion {
            Objects.requireNonNull(key);
            values = List.copyOf(values);
        }
    }

    public SearchContactsRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(timeRangeType);
        Objects.requireNonNull(startTime);
        Objects.requireNonNull(endTime);
        channels = List.copyOf(channels);
        initiationMethods = List.copyOf(initiationMethods);
        attributeCriteria = List.copyOf(attributeCriteria);
        Objects.requireNonNull(attributeMatchType);
        Objects.requireNonNull(sortFieldName);
        Objects.requireNonNull(sortOrder);
        Objects.requireNonNull(maxResults);
        Objects.requireNonNull(nextToken);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().instanceId(instanceId.orElse(null)).timeRange(timeRangeType.orElse(null), startTime.orElse(null),
                endTime.orElse(null)).channels(channels).initiationMethods(initiationMethods)
                .attributes(attributeCriteria, attributeMatchType.orElse(null)).maxResults(maxResults.orElse(null)).nextToken(nextToken.orElse(null));
        return b.sort(sortFieldName.orElse(null), sortOrder.orElse(null));
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String timeRangeType;
        private Instant startTime;
        private Instant endTime;
        private List<String> channels = List.of();
        private List<String> initiationMethods = List.of();
        private List<AttributeCriterion> attributeCriteria = List.of();
        private String attributeMatchType;
        private String sortFieldName;
        private String sortOrder;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder timeRange(String type, Instant start, Instant end) {
            this.timeRangeType = type;
            this.startTime = start;
            this.endTime = end;
            return this;
        }
        public Builder channels(List<String> value) { this.channels = value == null ? List.of() : value; return this; }
        public Builder initiationMethods(List<String> value) { this.initiationMethods = value == null ? List.of() : value; return this; }
        public Builder attributes(List<AttributeCriterion> criteria, String matchType) {
            this.attributeCriteria = criteria == null ? List.of() : criteria;
            this.attributeMatchType = matchType;
            return this;
        }
        public Builder sort(String fieldName, String order) {
            this.sortFieldName = fieldName;
            this.sortOrder = order;
            return this;
        }
        public Builder maxResults(Integer value) { this.maxResults = value; return this; }
        public Builder nextToken(String value) { this.nextToken = value; return this; }

        public SearchContactsRequest build() {
            return new SearchContactsRequest(Optional.ofNullable(instanceId), Optional.ofNullable(timeRangeType), Optional.ofNullable(startTime),
                    Optional.ofNullable(endTime), channels, initiationMethods, attributeCriteria, Optional.ofNullable(attributeMatchType),
                    Optional.ofNullable(sortFieldName), Optional.ofNullable(sortOrder), Optional.ofNullable(maxResults),
                    Optional.ofNullable(nextToken));
        }
    }
}
