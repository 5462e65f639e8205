package dev.connecttasks.domain.request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A list operation's request: ListInstances, ListContactFlows, ListQuickConnects or
 * ListTaskTemplates. {@code types} is ContactFlowTypes or QuickConnectTypes; {@code status} and
 * {@code name} are ListTaskTemplates' filters. A member the operation has not is refused by its rules.
 */
public record ListRequest(Optional<String> instanceId, Optional<List<String>> types, Optional<String> status, Optional<String> name,
                          Optional<Integer> maxResults, Optional<String> nextToken) {

    public ListRequest {
        Objects.requireNonNull(instanceId);
        types = types.map(List::copyOf);
        Objects.requireNonNull(status);
        Objects.requireNonNull(name);
        Objects.requireNonNull(maxResults);
        Objects.requireNonNull(nextToken);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().instanceId(instanceId.orElse(null)).types(types.orElse(null)).status(status.orElse(null)).name(name.orElse(null))
                .maxResults(maxResults.orElse(null)).nextToken(nextToken.orElse(null));
    }

    /** {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private List<String> types;
        private String status;
        private String name;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder types(List<String> value) { this.types = value; return this; }
        public Builder status(String value) { this.status = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder maxResults(Integer value) { this.maxResults = value; return this; }
        public Builder nextToken(String value) { this.nextToken = value; return this; }

        public ListRequest build() {
            return new ListRequest(Optional.ofNullable(instanceId), Optional.ofNullable(types), Optional.ofNullable(status),
                    Optional.ofNullable(name), Optional.ofNullable(maxResults), Optional.ofNullable(nextToken));
        }
    }
}
