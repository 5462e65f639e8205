package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowType;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.flow.QuickConnectType;
import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.request.ListRequest;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.domain.template.TemplateStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The list operations' members, in order: InstanceId, the filters, MaxResults, NextToken; then the
 * caller checks the instance and pages what the filter keeps ({@link Pages}). A filter left out
 * keeps everything; a list filter keeps what matches any of its values.
 */
public final class ListingRules {

    /** What a list operation keeps and which page it answers. */
    public record Listing<T>(Predicate<T> filter, int size, Optional<String> after, String listing) {
        public Pages.Page<T> page(List<T> sortedById, java.util.function.Function<T, String> id) {
            return Pages.of(sortedById.stream().filter(filter).toList(), id, size, after, listing);
        }
    }

    private ListingRules() {
    }

    public static Listing<Instance> instances(ListRequest r) {
        unsupported(r.instanceId().isPresent() || r.types().isPresent() || r.status().isPresent() || r.name().isPresent(), "ListInstances");
        return listing(r, instance -> true, 10, "ListInstances");
    }

    public static Listing<ContactFlow> contactFlows(ListRequest r) {
        InstanceRules.instanceId(r.instanceId());
        unsupported(r.status().isPresent() || r.name().isPresent(), "ListContactFlows");
        Set<FlowType> types = types(r.types(), FlowType.class, "ContactFlowTypes", 10);
        return listing(r, flow -> types.isEmpty() || types.contains(flow.type()), 1000,
                "ListContactFlows " + r.instanceId().orElseThrow() + " " + new TreeSet<>(types));
    }

    public static Listing<QuickConnect> quickConnects(ListRequest r) {
        InstanceRules.instanceId(r.instanceId());
        unsupported(r.status().isPresent() || r.name().isPresent(), "ListQuickConnects");
        Set<QuickConnectType> types = types(r.types(), QuickConnectType.class, "QuickConnectTypes", 4);
        return listing(r, q -> types.isEmpty() || types.contains(q.type()), 1000,
                "ListQuickConnects " + r.instanceId().orElseThrow() + " " + new TreeSet<>(types));
    }

    /** Status keeps the templates of that status; Name keeps those of exactly that name. */
    public static Listing<TaskTemplate> taskTemplates(ListRequest r) {
        InstanceRules.instanceId(r.instanceId());
        unsupported(r.types().isPresent(), "ListTaskTemplates");
        Optional<TemplateStatus> status = r.status().map(s -> Refusals.enumValue(s, TemplateStatus.class, "Status"));
        Refusals.optional(r.name(), "Name", 1, 100);
        Predicate<TaskTemplate> filter = t -> status.map(s -> s == t.status()).orElse(true) && r.name().map(t.name()::equals).orElse(true);
        return listing(r, filter, 100, "ListTaskTemplates " + r.instanceId().orElseThrow() + " " + status.map(Enum::name).orElse("*")
                + " " + r.name().map(n -> "=" + n).orElse("*"));
    }

    private static <T> Listing<T> listing(ListRequest r, Predicate<T> filter, int max, String listing) {
        int size = Pages.size(r.maxResults(), max);
        return new Listing<>(filter, size, Pages.after(r.nextToken(), listing), listing);
    }

    private static <E extends Enum<E>> Set<E> types(Optional<List<String>> given, Class<E> type, String member, int max) {
        List<String> values = given.orElse(List.of());
        if (values.size() > max) {
            throw new InvalidParameterException(Reason.INVALID_LENGTH, member + " must have at most " + max + " entries (was " + values.size() + ")");
        }
        Set<E> types = new java.util.HashSet<>();
        for (String value : values) {
            types.add(Refusals.enumValue(value, type, member));
        }
        return types;
    }

    /** A member another list operation has: the Java API's one request type carries them all, the operation takes only its own. */
    private static void unsupported(boolean given, String operation) {
        if (given) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, operation + " was given a member it does not have");
        }
    }
}
