package dev.connecttasks.testkit.model;

import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.LimitExceededException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.ContactNotFoundException;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.support.Outcome;
import dev.connecttasks.testkit.support.SequentialIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference model: written from behaviour.md alone, immutable, deliberately naive (whole-map copies,
 * linear scans, no indexes). Every operation returns its outcome and the next model. It shares
 * only value types with the implementation, never a rule. Throttling is not modelled: run the
 * service it is compared with with throttling off.
 */
public record TaskModel(TaskPolicy policy, String idPrefix, long idsDrawn, Instant now, Set<String> instances,
                        Map<String, Flow> flows, Map<String, QuickConnectModel> quickConnects, Map<String, Template> templates,
                        Map<String, ModelContact> contacts, Map<String, Map<String, String>> scopes,
                        Map<String, Token> tokens, Map<String, Map<String, String>> tags,
                        Map<String, Map<String, Reference>> references, Map<String, TaskText> texts) {

    /** What a task holds that a template's fields judge, and the template it names with how often it changed it. */
    public record TaskText(String name, Optional<String> description, Optional<String> templateId, int templateChanges) {
    }

    public record Flow(String instanceId, String type, String state, String status) {
        boolean usableAs(String wanted) {
            return type.equals(wanted) && state.equals("ACTIVE") && status.equals("PUBLISHED");
        }
    }

    public record QuickConnectModel(String instanceId, String type, Optional<String> flowId) {
    }

    /** fields: name to type; options: SINGLE_SELECT choices. */
    public record Template(String instanceId, Optional<String> flowId, Map<String, String> fields, Map<String, List<String>> options,
                           Set<String> required, Map<String, String> defaults, String status, int version) {
    }

    /** {@code transferred}: the successor a TransferContact recorded, which is no linked task of its PreviousContactId. */
    public record ModelContact(String instanceId, String id, String channel, String initialContactId, Optional<String> previous,
                               Instant initiated, Optional<Instant> scheduled, Optional<Duration> expiry, Optional<Instant> stoppedAt,
                               int reschedules, Optional<String> flowId, Optional<String> flowSource, boolean transferred) {
        public ModelContact(String instanceId, String id, String channel, String initialContactId, Optional<String> previous,
                            Instant initiated, Optional<Instant> scheduled, Optional<Duration> expiry, Optional<Instant> stoppedAt,
                            int reschedules, Optional<String> flowId, Optional<String> flowSource) {
            this(instanceId, id, channel, initialContactId, previous, initiated, scheduled, expiry, stoppedAt, reschedules, flowId, flowSource, false);
        }

        Optional<Instant> expiresAt() {
            Instant start = scheduled.isPresent() && scheduled.get().isAfter(initiated) ? scheduled.get() : initiated;
            return expiry.map(start::plus);
        }

        public boolean openAt(Instant t) {
            return stoppedAt.isEmpty() && (expiresAt().isEmpty() || t.isBefore(expiresAt().get()));
        }

        /** When the contact ended, as DescribeContact's DisconnectTimestamp: its stop, else its expiry once passed; empty while open. */
        public Optional<Instant> disconnectedAt(Instant t) {
            return stoppedAt.isPresent() ? stoppedAt : openAt(t) ? Optional.empty() : expiresAt();
        }

        /** Why it ended: API when stopped (a transfer too), EXPIRED when its expiry passed; empty while open. */
        public Optional<String> disconnectReason(Instant t) {
            return stoppedAt.isPresent() ? Optional.of("API") : openAt(t) ? Optional.empty() : Optional.of("EXPIRED");
        }
    }

    public record Token(String instanceId, StartTaskContactRequest request, String contactId, Instant created) {
    }

    /** A model operation's result. */
    public record Next(Outcome outcome, TaskModel model) {
    }

    public static TaskModel initial(TaskPolicy policy, String idPrefix, Instant now) {
        return new TaskModel(policy, idPrefix, 0, now, Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    public String nextId() {
        return SequentialIds.nth(idPrefix, idsDrawn + 1);
    }

    // ---- time ----

    public TaskModel advance(Duration by) {
        return new TaskModel(policy, idPrefix, idsDrawn, now.plus(by), instances, flows, quickConnects, templates, contacts, scopes, tokens, tags, references,
                texts);
    }

    // ---- set-up (inputs generated valid, so only the instance can be wrong) ----

    public Next createInstance() {
        String id = nextId();
        return new Next(Outcome.ok(id), with(idsDrawn + 1, add(instances, id), flows, quickConnects, templates, contacts, scopes, tokens));
    }

    /**
     * DeleteInstance without a ClientToken. What the instance held stays in the maps, unreachable:
     * the commands go on naming its contacts, flows and templates, and every one of them is refused
     * with INSTANCE, since each operation checks its instance first.
     */
    public Next deleteInstance(String instanceId) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        java.util.HashSet<String> left = new java.util.HashSet<>(instances);
        left.remove(instanceId);
        return new Next(Outcome.ok("deleted"), with(idsDrawn, Set.copyOf(left), flows, quickConnects, templates, contacts, scopes, tokens));
    }

    /** UpdateContactFlowContent: the content is not modelled, only who may change it. */
    public Next updateFlowContent(String instanceId, String flowId) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        Flow flow = flows.get(flowId);
        if (flow == null || !flow.instanceId().equals(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.CONTACT_FLOW);
        }
        return new Next(Outcome.ok("updated"), this);
    }

    /** UpdateQuickConnectConfig with a config CreateQuickConnect would take: the quick connect's type and flow replaced. */
    public Next updateQuickConnectConfig(String instanceId, String quickConnectId, String type, Optional<String> flowId) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        QuickConnectModel quickConnect = quickConnects.get(quickConnectId);
        if (quickConnect == null || !quickConnect.instanceId().equals(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.QUICK_CONNECT);
        }
        return new Next(Outcome.ok("updated"), with(idsDrawn, instances, flows,
                put(quickConnects, quickConnectId, new QuickConnectModel(instanceId, type, flowId)), templates, contacts, scopes, tokens));
    }

    /** Every page of ListContactFlows, ListQuickConnects or ListTaskTemplates ({@code kind} "flow", "quick connect", "template"), walked: the ids in Java's string order. */
    public Next list(String kind, String instanceId) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        Map<String, String> owners = new TreeMap<>();
        switch (kind) {
            case "flow" -> flows.forEach((id, f) -> owners.put(id, f.instanceId()));
            case "quick connect" -> quickConnects.forEach((id, q) -> owners.put(id, q.instanceId()));
            case "template" -> templates.forEach((id, t) -> owners.put(id, t.instanceId()));
            default -> throw new IllegalArgumentException(kind);
        }
        return new Next(Outcome.ok(owners.entrySet().stream().filter(e -> e.getValue().equals(instanceId)).map(Map.Entry::getKey).toList()), this);
    }

    /**
     * Every page of SearchContacts by initiation time, walked: the instance's contacts initiated
     * from {@code from} to {@code to} (both included), of every channel or only tasks, newest first,
     * ties in descending ContactId order.
     */
    public Next search(String instanceId, Instant from, Instant to, boolean tasksOnly) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        List<ModelContact> found = new java.util.ArrayList<>(contacts.values().stream()
                .filter(c -> c.instanceId().equals(instanceId) && !c.initiated().isBefore(from) && !c.initiated().isAfter(to))
                .filter(c -> !tasksOnly || c.channel().equals("TASK"))
                .sorted(java.util.Comparator.comparing(ModelContact::initiated).thenComparing(ModelContact::id)).toList());
        java.util.Collections.reverse(found);
        return new Next(Outcome.ok(found.stream().map(ModelContact::id).toList()), this);
    }

    // ---- tags ----

    /** The key a contact's or a resource's tags are kept under: its instance, kind and id. */
    public static String tagKey(String instanceId, String kind, String id) {
        return instanceId + "/" + kind + "/" + id;
    }

    public Map<String, String> tagsOf(String key) {
        return tags.getOrDefault(key, Map.of());
    }

    private static final java.util.regex.Pattern CONTACT_TAG_KEY = java.util.regex.Pattern.compile("^(?!aws:)[a-zA-Z+-=._:/]+$");

    /** TagContact: 1 to 6 tags of keys the ContactTagKey pattern takes, then the instance, the contact, and at most 6 in all. */
    public Next tagContact(String instanceId, String contactId, Map<String, String> added) {
        Optional<Outcome> refused = contactTagKeys(added.keySet()).or(() -> instanceAndContact(instanceId, contactId));
        return refused.map(o -> new Next(o, this)).orElseGet(() -> merged(tagKey(instanceId, "contact", contactId), added, 6));
    }

    /** TagContact's and UntagContact's keys: 1 to 6, each of the ContactTagKey pattern. */
    private static Optional<Outcome> contactTagKeys(java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return Optional.of(Outcome.error(InvalidParameterException.class, Reason.MISSING_PARAMETER));
        }
        if (keys.size() > 6 || keys.stream().anyMatch(k -> !CONTACT_TAG_KEY.matcher(k).matches())) {
            return Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_TAG));
        }
        return Optional.empty();
    }

    /** The tags under {@code key} with {@code added} (new values win), refused past {@code max} in all. */
    private Next merged(String key, Map<String, String> added, int max) {
        Map<String, String> merged = new TreeMap<>(tagsOf(key));
        merged.putAll(added);
        if (merged.size() > max) {
            return err(InvalidParameterException.class, Reason.INVALID_TAG);
        }
        return new Next(Outcome.ok("tagged"), withTags(key, merged));
    }

    /** UntagContact: 1 to 6 keys; a key not there changes nothing. */
    public Next untagContact(String instanceId, String contactId, List<String> keys) {
        Optional<Outcome> refused = contactTagKeys(keys).or(() -> instanceAndContact(instanceId, contactId));
        if (refused.isPresent()) {
            return new Next(refused.get(), this);
        }
        String key = tagKey(instanceId, "contact", contactId);
        Map<String, String> left = new TreeMap<>(tagsOf(key));
        keys.forEach(left::remove);
        return new Next(Outcome.ok("untagged"), withTags(key, left));
    }

    /** TagResource on a flow: the instance, then the flow, and at most 50 tags in all. */
    public Next tagFlow(String instanceId, String flowId, Map<String, String> added) {
        Optional<Outcome> missing = instanceAndFlow(instanceId, flowId);
        return missing.map(o -> new Next(o, this)).orElseGet(() -> merged(tagKey(instanceId, "contact-flow", flowId), added, 50));
    }

    /** ListTagsForResource of a flow. */
    public Next flowTags(String instanceId, String flowId) {
        Optional<Outcome> missing = instanceAndFlow(instanceId, flowId);
        return missing.map(o -> new Next(o, this))
                .orElseGet(() -> new Next(Outcome.ok(new TreeMap<>(tagsOf(tagKey(instanceId, "contact-flow", flowId)))), this));
    }

    private Optional<Outcome> instanceAndFlow(String instanceId, String flowId) {
        if (!instances.contains(instanceId)) {
            return Optional.of(Outcome.error(ResourceNotFoundException.class, Reason.INSTANCE));
        }
        Flow flow = flows.get(flowId);
        if (flow == null || !flow.instanceId().equals(instanceId)) {
            return Optional.of(Outcome.error(ResourceNotFoundException.class, Reason.CONTACT_FLOW));
        }
        return Optional.empty();
    }

    private TaskModel withTags(String key, Map<String, String> value) {
        Map<String, Map<String, String>> next = new HashMap<>(tags);
        if (value.isEmpty()) {
            next.remove(key);
        } else {
            next.put(key, Map.copyOf(value));
        }
        return new TaskModel(policy, idPrefix, idsDrawn, now, instances, flows, quickConnects, templates, contacts, scopes, tokens, Map.copyOf(next),
                references, texts);
    }

    private TaskModel withReferences(String contactId, Map<String, Reference> value) {
        if (value.isEmpty()) {
            return this;
        }
        return new TaskModel(policy, idPrefix, idsDrawn, now, instances, flows, quickConnects, templates, contacts, scopes, tokens, tags,
                put(references, contactId, Map.copyOf(value)), texts);
    }

    private TaskModel withText(String contactId, TaskText text) {
        return new TaskModel(policy, idPrefix, idsDrawn, now, instances, flows, quickConnects, templates, contacts, scopes, tokens, tags,
                references, put(texts, contactId, text));
    }

    /**
     * UpdateContactTaskTemplate: TaskTemplateId 1..500, the instance, the contact; a task (NOT_A_TASK)
     * in progress (CONTACT_NOT_ACTIVE); the template there (TASK_TEMPLATE), not the task's own
     * (TEMPLATE_UNCHANGED), ACTIVE (TEMPLATE_INACTIVE); fewer than 5 changes (TEMPLATE_CHANGE_LIMIT);
     * the task's name, description, references and scheduled time fitting the template's fields
     * without its defaults (PropertyValidationException). The task keeps its flow; its flow source
     * becomes the template.
     */
    public Next changeTemplate(String instanceId, String contactId, String templateId) {
        if (templateId.isEmpty() || templateId.length() > 500) {
            return err(InvalidParameterException.class, Reason.INVALID_LENGTH);
        }
        Optional<Outcome> missing = instanceAndContact(instanceId, contactId);
        if (missing.isPresent()) {
            return new Next(missing.get(), this);
        }
        ModelContact c = contacts.get(contactId);
        if (!c.channel().equals("TASK")) {
            return err(InvalidRequestException.class, Reason.NOT_A_TASK);
        }
        if (!c.openAt(now)) {
            return err(InvalidRequestException.class, Reason.CONTACT_NOT_ACTIVE);
        }
        Template t = templates.get(templateId);
        if (t == null || !t.instanceId().equals(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.TASK_TEMPLATE);
        }
        TaskText text = texts.getOrDefault(contactId, new TaskText("", Optional.empty(), Optional.empty(), 0));
        if (text.templateId().equals(Optional.of(templateId))) {
            return err(InvalidRequestException.class, Reason.TEMPLATE_UNCHANGED);
        }
        if (!t.status().equals("ACTIVE")) {
            return err(InvalidRequestException.class, Reason.TEMPLATE_INACTIVE);
        }
        if (text.templateChanges() >= 5) {
            return err(LimitExceededException.class, Reason.TEMPLATE_CHANGE_LIMIT);
        }
        Template withoutDefaults = new Template(t.instanceId(), t.flowId(), t.fields(), t.options(), t.required(), Map.of(), t.status(),
                t.version());
        StartTaskContactRequest asStarted = StartTaskContactRequest.builder().instanceId(instanceId).name(text.name())
                .description(text.description().orElse(null)).references(references.getOrDefault(contactId, Map.of()))
                .scheduledTime(c.scheduled().orElse(null)).build();
        Optional<Reason> problem = templateFields(withoutDefaults, asStarted);
        if (problem.isPresent()) {
            return err(dev.connecttasks.domain.error.PropertyValidationException.class, problem.get());
        }
        ModelContact moved = new ModelContact(c.instanceId(), c.id(), c.channel(), c.initialContactId(), c.previous(), c.initiated(), c.scheduled(),
                c.expiry(), c.stoppedAt(), c.reschedules(), c.flowId(), Optional.of("TASK_TEMPLATE"), c.transferred());
        return new Next(Outcome.ok("changed"), with(idsDrawn, instances, flows, quickConnects, templates, put(contacts, contactId, moved), scopes,
                tokens).withText(contactId, new TaskText(text.name(), text.description(), Optional.of(templateId), text.templateChanges() + 1)));
    }

    /**
     * ListContactReferences with valid ReferenceTypes: the instance, the contact, then its references
     * of those types (an empty list matches none), by name, as (name, type, value).
     */
    public Next listReferences(String instanceId, String contactId, List<String> types) {
        Optional<Outcome> missing = instanceAndContact(instanceId, contactId);
        if (missing.isPresent()) {
            return new Next(missing.get(), this);
        }
        List<List<String>> listed = new TreeMap<>(references.getOrDefault(contactId, Map.of())).entrySet().stream()
                .filter(e -> types.contains(e.getValue().type().orElseThrow()))
                .map(e -> List.of(e.getKey(), e.getValue().type().orElseThrow(), e.getValue().value().orElse(""))).toList();
        return new Next(Outcome.ok(listed), this);
    }

    public Next createFlow(String instanceId, String type, String status) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        String id = nextId();
        return new Next(Outcome.ok(id), with(idsDrawn + 1, instances, put(flows, id, new Flow(instanceId, type, "ACTIVE", status)),
                quickConnects, templates, contacts, scopes, tokens));
    }

    public Next updateFlow(String instanceId, String flowId, Optional<String> state, Optional<String> status) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        Flow f = flows.get(flowId);
        if (f == null || !f.instanceId().equals(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.CONTACT_FLOW);
        }
        Flow updated = new Flow(instanceId, f.type(), state.orElse(f.state()), status.orElse(f.status()));
        return new Next(Outcome.ok(flowId), with(idsDrawn, instances, put(flows, flowId, updated), quickConnects, templates, contacts, scopes, tokens));
    }

    public Next createQuickConnect(String instanceId, String type, Optional<String> flowId) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        String id = nextId();
        return new Next(Outcome.ok(id), with(idsDrawn + 1, instances, flows, put(quickConnects, id, new QuickConnectModel(instanceId, type, flowId)),
                templates, contacts, scopes, tokens));
    }

    public Next createTemplate(Template t) {
        if (!instances.contains(t.instanceId())) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        String id = nextId();
        return new Next(Outcome.ok(id), with(idsDrawn + 1, instances, flows, quickConnects, put(templates, id, t), contacts, scopes, tokens));
    }

    /** A full UpdateTaskTemplate that sends the template's content as it is, with {@code status}, and its flow only if {@code keepFlow}. */
    public Next updateTemplate(String instanceId, String templateId, String status, boolean keepFlow) {
        Template t = templates.get(templateId);
        if (!keepFlow && t != null && t.instanceId().equals(instanceId) && instances.contains(instanceId)) {
            Template withoutFlow = new Template(t.instanceId(), Optional.empty(), t.fields(), t.options(), t.required(), t.defaults(),
                    t.status(), t.version());
            return with(idsDrawn, instances, flows, quickConnects, put(templates, templateId, withoutFlow), contacts, scopes, tokens)
                    .setTemplateStatus(instanceId, templateId, status);
        }
        return setTemplateStatus(instanceId, templateId, status);
    }

    public Next setTemplateStatus(String instanceId, String templateId, String status) {
        Template t = templates.get(templateId);
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        if (t == null || !t.instanceId().equals(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.TASK_TEMPLATE);
        }
        Template updated = new Template(t.instanceId(), t.flowId(), t.fields(), t.options(), t.required(), t.defaults(), status, t.version() + 1);
        return new Next(Outcome.ok(templateId), with(idsDrawn, instances, flows, quickConnects, put(templates, templateId, updated), contacts, scopes, tokens));
    }

    public Next recordContact(String instanceId, String channel, Map<String, String> attributes) {
        Optional<Outcome> badAttributes = attributeMembers(attributes);
        if (badAttributes.isPresent()) {
            return new Next(badAttributes.get(), this);
        }
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        String id = nextId();
        ModelContact c = new ModelContact(instanceId, id, channel, id, Optional.empty(), now, Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty());
        Map<String, Map<String, String>> newScopes = attributes.isEmpty() ? scopes : put(scopes, id, new TreeMap<>(attributes));
        return new Next(Outcome.ok(id), with(idsDrawn + 1, instances, flows, quickConnects, templates, put(contacts, id, c), newScopes, tokens));
    }

    /** DeleteContactFlow, DeleteQuickConnect or DeleteTaskTemplate ({@code kind} "flow", "quick connect", "template"). */
    public Next delete(String kind, String instanceId, String id) {
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        switch (kind) {
            case "flow" -> {
                Flow f = flows.get(id);
                if (f == null || !f.instanceId().equals(instanceId)) {
                    return err(ResourceNotFoundException.class, Reason.CONTACT_FLOW);
                }
                return new Next(Outcome.ok("deleted"), with(idsDrawn, instances, without(flows, id), quickConnects, templates, contacts, scopes,
                        tokens));
            }
            case "quick connect" -> {
                QuickConnectModel q = quickConnects.get(id);
                if (q == null || !q.instanceId().equals(instanceId)) {
                    return err(ResourceNotFoundException.class, Reason.QUICK_CONNECT);
                }
                return new Next(Outcome.ok("deleted"), with(idsDrawn, instances, flows, without(quickConnects, id), templates, contacts, scopes,
                        tokens));
            }
            default -> {
                Template t = templates.get(id);
                if (t == null || !t.instanceId().equals(instanceId)) {
                    return err(ResourceNotFoundException.class, Reason.TASK_TEMPLATE);
                }
                return new Next(Outcome.ok("deleted"), with(idsDrawn, instances, flows, quickConnects, without(templates, id), contacts, scopes,
                        tokens));
            }
        }
    }

    /**
     * StartOutboundVoiceContact to a valid number through {@code flowId}, related to {@code related}
     * or to nothing: a VOICE contact, open until stopped, whose scope starts from the related
     * contact's attributes.
     */
    public Next outboundVoice(String instanceId, String flowId, Optional<String> related, Map<String, String> attributes) {
        Optional<Outcome> badAttributes = attributeMembers(attributes);
        if (badAttributes.isPresent()) {
            return new Next(badAttributes.get(), this);
        }
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        if (flowIn(instanceId, flowId) == null) {
            return err(ResourceNotFoundException.class, Reason.CONTACT_FLOW);
        }
        Map<String, String> scope = new TreeMap<>();
        if (related.isPresent()) {
            ModelContact r = contacts.get(related.get());
            if (r == null || !r.instanceId().equals(instanceId)) {
                return err(ResourceNotFoundException.class, Reason.RELATED_CONTACT);
            }
            scope.putAll(scopes.getOrDefault(r.initialContactId(), Map.of()));
        }
        scope.putAll(attributes);
        String id = nextId();
        ModelContact c = new ModelContact(instanceId, id, "VOICE", id, Optional.empty(), now, Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty());
        Map<String, Map<String, String>> newScopes = scope.isEmpty() ? scopes : put(scopes, id, scope);
        return new Next(Outcome.ok(id), with(idsDrawn + 1, instances, flows, quickConnects, templates, put(contacts, id, c), newScopes, tokens));
    }

    private static <K, V> Map<K, V> without(Map<K, V> map, K key) {
        Map<K, V> copy = new java.util.LinkedHashMap<>(map);
        copy.remove(key);
        return Map.copyOf(copy);
    }

    // ---- contacts ----

    public Next startTask(StartTaskContactRequest r) {
        Optional<Outcome> refused = members(r);
        if (refused.isPresent()) {
            return new Next(refused.get(), this);
        }
        if (r.previousContactId().isPresent() && r.relatedContactId().isPresent()) {
            return err(InvalidRequestException.class, Reason.PREVIOUS_AND_RELATED);
        }
        int sources = (r.contactFlowId().isPresent() ? 1 : 0) + (r.quickConnectId().isPresent() ? 1 : 0) + (r.taskTemplateId().isPresent() ? 1 : 0);
        if (sources > 1) {
            return err(InvalidRequestException.class, Reason.MULTIPLE_FLOW_SOURCES);
        }
        if (sources == 0) {
            return err(InvalidRequestException.class, Reason.NO_FLOW_SOURCE);
        }
        String instanceId = r.instanceId().get();
        if (!instances.contains(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.INSTANCE);
        }
        if (r.clientToken().isPresent()) {
            Token token = tokens.get(instanceId + "/" + r.clientToken().get());
            if (token != null && now.isBefore(token.created().plus(policy.clientTokenLifetime()))) {
                if (token.request().equals(r.withoutClientToken())) {
                    return new Next(Outcome.ok(token.contactId()), this);
                }
                return err(InvalidRequestException.class, Reason.CLIENT_TOKEN_REUSED);
            }
        }
        if (r.scheduledTime().isPresent()) {
            if (r.scheduledTime().get().isBefore(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
                return err(InvalidParameterException.class, Reason.SCHEDULED_TIME_IN_PAST);
            }
            if (r.scheduledTime().get().isAfter(now.plus(policy.scheduleWindow()))) {
                return err(InvalidParameterException.class, Reason.SCHEDULED_TIME_TOO_FAR);
            }
        }
        ModelContact previous = r.previousContactId().map(this::contactIn).map(o -> o.filter(c -> c.instanceId().equals(instanceId)).orElse(null)).orElse(null);
        if (r.previousContactId().isPresent() && previous == null) {
            return err(ResourceNotFoundException.class, Reason.PREVIOUS_CONTACT);
        }
        ModelContact related = r.relatedContactId().map(this::contactIn).map(o -> o.filter(c -> c.instanceId().equals(instanceId)).orElse(null)).orElse(null);
        if (r.relatedContactId().isPresent() && related == null) {
            return err(ResourceNotFoundException.class, Reason.RELATED_CONTACT);
        }
        String flowId;
        String source;
        Template template = null;
        if (r.contactFlowId().isPresent()) {
            Flow f = flowIn(instanceId, r.contactFlowId().get());
            if (f == null) {
                return err(ResourceNotFoundException.class, Reason.CONTACT_FLOW);
            }
            if (!f.usableAs("CONTACT_FLOW")) {
                return err(InvalidRequestException.class, Reason.FLOW_NOT_USABLE);
            }
            flowId = r.contactFlowId().get();
            source = "CONTACT_FLOW";
        } else if (r.quickConnectId().isPresent()) {
            QuickConnectModel q = quickConnects.get(r.quickConnectId().get());
            if (q == null || !q.instanceId().equals(instanceId)) {
                return err(ResourceNotFoundException.class, Reason.QUICK_CONNECT);
            }
            if (q.type().equals("PHONE_NUMBER")) {
                return err(InvalidRequestException.class, Reason.QUICK_CONNECT_HAS_NO_FLOW);
            }
            String wanted = q.type().equals("USER") ? "AGENT_TRANSFER" : q.type().equals("QUEUE") ? "QUEUE_TRANSFER" : "CONTACT_FLOW";
            Flow f = flowIn(instanceId, q.flowId().get());
            if (f == null || !f.usableAs(wanted)) {
                return err(InvalidRequestException.class, Reason.FLOW_NOT_USABLE);
            }
            flowId = q.flowId().get();
            source = "QUICK_CONNECT";
        } else {
            template = templates.get(r.taskTemplateId().get());
            if (template == null || !template.instanceId().equals(instanceId)) {
                return err(ResourceNotFoundException.class, Reason.TASK_TEMPLATE);
            }
            if (!template.status().equals("ACTIVE")) {
                return err(InvalidRequestException.class, Reason.TEMPLATE_INACTIVE);
            }
            if (template.flowId().isEmpty()) {
                return err(InvalidRequestException.class, Reason.TEMPLATE_HAS_NO_FLOW);
            }
            Flow f = flowIn(instanceId, template.flowId().get());
            if (f == null || !f.usableAs("CONTACT_FLOW")) {
                return err(InvalidRequestException.class, Reason.FLOW_NOT_USABLE);
            }
            flowId = template.flowId().get();
            source = "TASK_TEMPLATE";
        }
        if (template != null) {
            Optional<Reason> fieldProblem = templateFields(template, r);
            if (fieldProblem.isPresent()) {
                return err(InvalidParameterException.class, fieldProblem.get());
            }
        }
        Map<String, String> scope = new TreeMap<>();
        if (previous != null) {
            scope.putAll(scopes.getOrDefault(previous.initialContactId(), Map.of()));
        } else if (related != null) {
            scope.putAll(scopes.getOrDefault(related.initialContactId(), Map.of()));
        }
        scope.putAll(r.attributes());
        if (bytes(scope) > policy.attributeBytesPerScope()) {
            return err(InvalidParameterException.class, Reason.ATTRIBUTES_TOO_LARGE);
        }
        if (previous != null) {
            long linked = linkedTasks(previous.id());
            if (linked >= policy.linkedTasksPerContact()) {
                return err(ServiceQuotaExceededException.class, Reason.LINKED_TASKS);
            }
        }
        if (openTasks(instanceId) >= policy.openTasksPerInstance()) {
            return err(ServiceQuotaExceededException.class, Reason.ACTIVE_TASKS);
        }
        String id = nextId();
        String initial = previous != null ? previous.initialContactId() : id;
        Duration expiry = expiryOverride(r).orElse(policy.taskExpiry());
        ModelContact task = new ModelContact(instanceId, id, "TASK", initial, r.previousContactId(), now, r.scheduledTime(), Optional.of(expiry),
                Optional.empty(), 0, Optional.of(flowId), Optional.of(source));
        Map<String, Token> newTokens = r.clientToken().isPresent()
                ? put(tokens, instanceId + "/" + r.clientToken().get(), new Token(instanceId, r.withoutClientToken(), id, now)) : tokens;
        return new Next(Outcome.ok(id), with(idsDrawn + 1, instances, flows, quickConnects, templates, put(contacts, id, task),
                put(scopes, initial, scope), newTokens).withReferences(id, template == null ? r.references() : effectiveReferences(template, r))
                .withText(id, storedText(template, r)));
    }

    public Next updateAttributes(String instanceId, String contactId, Map<String, String> update) {
        Optional<Outcome> badAttributes = attributeMembers(update);
        if (badAttributes.isPresent()) {
            return new Next(badAttributes.get(), this);
        }
        Optional<Outcome> missing = instanceAndContact(instanceId, contactId);
        if (missing.isPresent()) {
            return new Next(missing.get(), this);
        }
        String scopeId = contacts.get(contactId).initialContactId();
        Map<String, String> merged = new TreeMap<>(scopes.getOrDefault(scopeId, Map.of()));
        merged.putAll(update);
        if (bytes(merged) > policy.attributeBytesPerScope()) {
            return err(InvalidParameterException.class, Reason.ATTRIBUTES_TOO_LARGE);
        }
        return new Next(Outcome.ok("updated"), with(idsDrawn, instances, flows, quickConnects, templates, contacts, put(scopes, scopeId, merged), tokens));
    }

    public Next getAttributes(String instanceId, String contactId) {
        Optional<Outcome> missing = instanceAndContact(instanceId, contactId);
        return missing.map(o -> new Next(o, this)).orElseGet(() -> new Next(Outcome.ok(new TreeMap<>(attributesOf(contactId))), this));
    }

    public Next stop(String instanceId, String contactId) {
        Optional<Outcome> missing = instanceAndContact(instanceId, contactId);
        if (missing.isPresent()) {
            return new Next(missing.get(), this);
        }
        ModelContact c = contacts.get(contactId);
        if (!c.openAt(now)) {
            return err(ContactNotFoundException.class, Reason.CONTACT_NOT_ACTIVE);
        }
        ModelContact stopped = new ModelContact(c.instanceId(), c.id(), c.channel(), c.initialContactId(), c.previous(), c.initiated(), c.scheduled(),
                c.expiry(), Optional.of(now), c.reschedules(), c.flowId(), c.flowSource(), c.transferred());
        return new Next(Outcome.ok("stopped"), with(idsDrawn, instances, flows, quickConnects, templates, put(contacts, contactId, stopped), scopes, tokens));
    }

    public Next reschedule(String instanceId, String contactId, Instant newTime) {
        Optional<Outcome> missing = instanceAndContact(instanceId, contactId);
        if (missing.isPresent()) {
            return new Next(missing.get(), this);
        }
        ModelContact c = contacts.get(contactId);
        boolean waiting = c.channel().equals("TASK") && c.openAt(now) && c.scheduled().isPresent() && now.isBefore(c.scheduled().get());
        if (!waiting) {
            return err(InvalidRequestException.class, Reason.CONTACT_NOT_SCHEDULED);
        }
        if (newTime.isBefore(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
            return err(InvalidParameterException.class, Reason.SCHEDULED_TIME_IN_PAST);
        }
        if (newTime.isAfter(now.plus(policy.scheduleWindow()))) {
            return err(InvalidParameterException.class, Reason.SCHEDULED_TIME_TOO_FAR);
        }
        if (c.reschedules() >= policy.reschedulesPerTask()) {
            return err(LimitExceededException.class, Reason.RESCHEDULE_LIMIT);
        }
        ModelContact moved = new ModelContact(c.instanceId(), c.id(), c.channel(), c.initialContactId(), c.previous(), c.initiated(), Optional.of(newTime),
                c.expiry(), c.stoppedAt(), c.reschedules() + 1, c.flowId(), c.flowSource(), c.transferred());
        return new Next(Outcome.ok("rescheduled"), with(idsDrawn, instances, flows, quickConnects, templates, put(contacts, contactId, moved), scopes, tokens));
    }

    /** UpdateContact with a new {@code connect:ContactExpiry} of {@code minutes}: a task's new end, counted from where its first was. */
    /** UpdateContact with only a new expiry. */
    public Next updateExpiry(String instanceId, String contactId, int minutes) {
        return updateExpiry(instanceId, contactId, minutes, Optional.empty());
    }

    /** UpdateContact with a new expiry and, if given, a new Name. */
    public Next updateExpiry(String instanceId, String contactId, int minutes, Optional<String> name) {
        Optional<Outcome> missing = instanceAndContact(instanceId, contactId);
        if (missing.isPresent()) {
            return new Next(missing.get(), this);
        }
        ModelContact c = contacts.get(contactId);
        if (!c.channel().equals("TASK")) {
            return err(InvalidParameterException.class, Reason.INVALID_SEGMENT_ATTRIBUTE);
        }
        if (!c.openAt(now)) {
            return err(InvalidRequestException.class, Reason.CONTACT_NOT_ACTIVE);
        }
        Instant start = c.scheduled().isPresent() && c.scheduled().get().isAfter(c.initiated()) ? c.scheduled().get() : c.initiated();
        if (!start.plus(Duration.ofMinutes(minutes)).isAfter(now)) {
            return err(InvalidParameterException.class, Reason.INVALID_SEGMENT_ATTRIBUTE);
        }
        ModelContact moved = new ModelContact(c.instanceId(), c.id(), c.channel(), c.initialContactId(), c.previous(), c.initiated(), c.scheduled(),
                Optional.of(Duration.ofMinutes(minutes)), c.stoppedAt(), c.reschedules(), c.flowId(), c.flowSource(), c.transferred());
        TaskText text = texts.get(contactId);
        TaskModel updated = with(idsDrawn, instances, flows, quickConnects, templates, put(contacts, contactId, moved), scopes, tokens);
        return new Next(Outcome.ok("updated"), text == null || name.isEmpty() ? updated
                : updated.withText(contactId, new TaskText(name.get(), text.description(), text.templateId(), text.templateChanges())));
    }

    /**
     * TransferContact of a task to {@code flowId} through a queue ({@code toQueue}) or, without one, as
     * an inbound flow: the task ends, its successor opens in the same chain until the task's end.
     */
    public Next transfer(String instanceId, String contactId, String flowId, boolean toQueue) {
        Optional<Outcome> missing = instanceAndContact(instanceId, contactId);
        if (missing.isPresent()) {
            return new Next(missing.get(), this);
        }
        ModelContact c = contacts.get(contactId);
        if (!c.channel().equals("TASK")) {
            return err(InvalidRequestException.class, Reason.NOT_A_TASK);
        }
        if (!c.openAt(now)) {
            return err(InvalidRequestException.class, Reason.CONTACT_NOT_ACTIVE);
        }
        int transfers = 0;
        for (ModelContact at = c; at.transferred() && transfers < 11; at = contacts.get(at.previous().orElseThrow())) {
            transfers++;
        }
        if (transfers >= 11) {
            return err(ServiceQuotaExceededException.class, Reason.TRANSFER_LIMIT);
        }
        Flow flow = flows.get(flowId);
        if (flow == null || !flow.instanceId().equals(instanceId)) {
            return err(ResourceNotFoundException.class, Reason.CONTACT_FLOW);
        }
        if (!flow.usableAs(toQueue ? "QUEUE_TRANSFER" : "CONTACT_FLOW")) {
            return err(InvalidRequestException.class, Reason.FLOW_NOT_USABLE);
        }
        String id = nextId();
        Instant end = c.expiresAt().orElseThrow();
        ModelContact ended = new ModelContact(c.instanceId(), c.id(), c.channel(), c.initialContactId(), c.previous(), c.initiated(), c.scheduled(),
                c.expiry(), Optional.of(now), c.reschedules(), c.flowId(), c.flowSource(), c.transferred());
        ModelContact successor = new ModelContact(instanceId, id, "TASK", c.initialContactId(), Optional.of(contactId), now, Optional.empty(),
                Optional.of(Duration.between(now, end)), Optional.empty(), 0, Optional.of(flowId), Optional.of("CONTACT_FLOW"), true);
        return new Next(Outcome.ok(id), with(idsDrawn + 1, instances, flows, quickConnects, templates,
                put(put(contacts, contactId, ended), id, successor), scopes, tokens).withReferences(id, references.getOrDefault(contactId, Map.of()))
                .withText(id, Optional.ofNullable(texts.get(contactId)).map(t -> new TaskText(t.name(), t.description(), Optional.empty(), 0))
                        .orElse(new TaskText("", Optional.empty(), Optional.empty(), 0))));
    }

    // ---- what the invariants read ----

    public Map<String, String> attributesOf(String contactId) {
        return scopes.getOrDefault(contacts.get(contactId).initialContactId(), Map.of());
    }

    public long openTasks(String instanceId) {
        return contacts.values().stream().filter(c -> c.instanceId().equals(instanceId) && c.channel().equals("TASK") && c.openAt(now)).count();
    }

    public long linkedTasks(String contactId) {
        return contacts.values().stream().filter(c -> !c.transferred() && c.previous().equals(Optional.of(contactId))).count();
    }

    // ---- naive rule helpers ----

    private Optional<Outcome> members(StartTaskContactRequest r) {
        List<Length> lengths = List.of(
                new Length(r.instanceId(), 1, 100, true, false),
                new Length(r.name(), 0, 1024, true, true),
                new Length(r.description(), 0, 4096, false, true),
                new Length(r.previousContactId(), 1, 256, false, false),
                new Length(r.relatedContactId(), 1, 256, false, false),
                new Length(r.contactFlowId(), 1, 500, false, false),
                new Length(r.quickConnectId(), 1, 500, false, false),
                new Length(r.taskTemplateId(), 1, 500, false, false));
        for (Length l : lengths) {
            Optional<Outcome> problem = length(l);
            if (problem.isPresent()) {
                return problem;
            }
        }
        Optional<Outcome> badAttributes = attributeMembers(r.attributes());
        if (badAttributes.isPresent()) {
            return badAttributes;
        }
        for (Map.Entry<String, Reference> e : r.references().entrySet()) {
            if (!plainText(e.getKey()) || !plainText(e.getValue().value().orElse(""))) {
                return Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_CHARACTERS));
            }
        }
        for (Map.Entry<String, Reference> e : r.references().entrySet()) {
            if (!referenceOk(e.getKey(), e.getValue())) {
                return Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_REFERENCE));
            }
        }
        Optional<Outcome> token = length(new Length(r.clientToken(), 1, 500, false, true));
        if (token.isPresent()) {
            return token;
        }
        for (Map.Entry<String, SegmentAttributeValue> e : r.segmentAttributes().entrySet()) {
            boolean known = e.getKey().equals("connect:ContactExpiry") ? expiryOverride(r).isPresent()
                    : e.getKey().equals("connect:CreatedByUser") && e.getValue().valueInteger().isEmpty() && e.getValue().valueMap().isEmpty()
                    && e.getValue().valueString().orElse("").matches("arn:aws:connect:us-east-1:000000000000:instance/"
                    + java.util.regex.Pattern.quote(r.instanceId().orElse("")) + "/agent/[^/]+");
            if (!known) {
                return Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_SEGMENT_ATTRIBUTE));
            }
        }
        return Optional.empty();
    }

    private Optional<Outcome> attributeMembers(Map<String, String> attributes) {
        for (String key : attributes.keySet()) {
            if (!key.matches("[A-Za-z0-9_-]{1,32767}")) {
                return Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_ATTRIBUTE_KEY));
            }
        }
        if (!attributes.values().stream().allMatch(TaskModel::plainText)) {
            return Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_CHARACTERS));
        }
        if (attributes.values().stream().anyMatch(v -> characters(v) > 32_767) || bytes(attributes) > policy.attributeBytesPerScope()) {
            return Optional.of(Outcome.error(InvalidParameterException.class, Reason.ATTRIBUTES_TOO_LARGE));
        }
        return Optional.empty();
    }

    /** A member's value and its length rule; {@code text}: a kept text, where U+0000 is refused (an id with it is not found). */
    private record Length(Optional<String> value, int min, int max, boolean required, boolean text) {
    }

    /** Unicode characters, as Smithy lengths count them: a surrogate pair is one. */
    private static int characters(String s) {
        return s.codePoints().toArray().length;
    }

    /** No lone surrogate: every UTF-16 surrogate is half of a pair. */
    private static boolean wellFormed(String s) {
        return s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    private static boolean plainText(String s) {
        return wellFormed(s) && !s.contains("\0");
    }

    private static Optional<Outcome> length(Length spec) {
        if (spec.value().isEmpty()) {
            return spec.required() ? Optional.of(Outcome.error(InvalidParameterException.class, Reason.MISSING_PARAMETER)) : Optional.empty();
        }
        String value = spec.value().get();
        if (!wellFormed(value)) {
            return Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_CHARACTERS));
        }
        int n = characters(value);
        if (n < spec.min() || n > spec.max()) {
            return Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_LENGTH));
        }
        return spec.text() && value.contains("\0") ? Optional.of(Outcome.error(InvalidParameterException.class, Reason.INVALID_CHARACTERS))
                : Optional.empty();
    }

    private static boolean referenceOk(String key, Reference ref) {
        if (key.isEmpty() || characters(key) > 4096 || ref.type().isEmpty()) {
            return false;
        }
        String v = ref.value().orElse("");
        if (characters(v) > 4096) {
            return false;
        }
        return valueSuits(ref.type().get(), v);
    }

    private static boolean valueSuits(String type, String v) {
        switch (type) {
            case "STRING": return true;
            case "NUMBER": return v.matches("-?[0-9]+(\\.[0-9]+)?");
            case "DATE": return v.matches("-?[0-9]{1,18}");
            case "EMAIL": return v.matches("[^@\\s]+@[^@\\s]+");
            case "URL": return v.matches("(?i)https?://[^/?#\\s][^\\s]*");
            default: return false;
        }
    }

    /** The Name and Description a start stores: the request's, or the template's defaults where it leaves them out. */
    private static TaskText storedText(Template t, StartTaskContactRequest r) {
        String name = r.name().orElse("");
        Optional<String> description = r.description();
        if (t != null) {
            for (Map.Entry<String, String> f : t.fields().entrySet()) {
                String def = t.defaults().get(f.getKey());
                if (def != null && f.getValue().equals("NAME") && name.isEmpty()) {
                    name = def;
                }
                if (def != null && f.getValue().equals("DESCRIPTION") && description.isEmpty()) {
                    description = Optional.of(def);
                }
            }
        }
        return new TaskText(name, description, t == null ? Optional.empty() : r.taskTemplateId(), 0);
    }

    /** The request's references with the template's defaults for the reference fields it leaves out. */
    private Map<String, Reference> effectiveReferences(Template t, StartTaskContactRequest r) {
        Map<String, Reference> refs = new HashMap<>(r.references());
        for (Map.Entry<String, String> f : t.fields().entrySet()) {
            String def = t.defaults().get(f.getKey());
            if (def != null && refType(f.getValue()) != null && !refs.containsKey(f.getKey())) {
                refs.put(f.getKey(), Reference.of(refType(f.getValue()), def));
            }
        }
        return refs;
    }

    private Optional<Reason> templateFields(Template t, StartTaskContactRequest r) {
        Map<String, Reference> refs = effectiveReferences(t, r);
        Optional<String> description = r.description();
        for (Map.Entry<String, String> f : t.fields().entrySet()) {
            String def = t.defaults().get(f.getKey());
            if (def != null && f.getValue().equals("DESCRIPTION") && description.isEmpty()) {
                description = Optional.of(def);
            }
        }
        // required fields first, in the template's field order
        for (Map.Entry<String, String> f : t.fields().entrySet()) {
            String type = f.getValue();
            boolean has;
            if (type.equals("NAME")) {
                has = r.name().filter(n -> !n.isEmpty()).isPresent() || t.defaults().containsKey(f.getKey());
            } else if (type.equals("DESCRIPTION")) {
                has = description.isPresent();
            } else if (type.equals("SCHEDULED_TIME")) {
                has = r.scheduledTime().isPresent() || t.defaults().containsKey(f.getKey());
            } else {
                has = refs.containsKey(f.getKey());
            }
            if (!has) {
                if (t.required().contains(f.getKey())) {
                    return Optional.of(Reason.TEMPLATE_FIELD_MISSING);
                }
                continue;
            }
            if (refType(type) != null) {
                Reference ref = refs.get(f.getKey());
                String v = ref.value().orElse("");
                boolean ok = ref.type().equals(Optional.of(refType(type)));
                ok = ok && (type.equals("TEXT") ? characters(v) < 512 : type.equals("TEXT_AREA") ? characters(v) < 4096
                        : type.equals("BOOLEAN") ? v.equals("true") || v.equals("false")
                        : type.equals("SINGLE_SELECT") ? t.options().getOrDefault(f.getKey(), List.of()).contains(v)
                        : valueSuits(refType(type), v));
                if (!ok) {
                    return Optional.of(Reason.TEMPLATE_FIELD_INVALID);
                }
            }
        }
        for (String req : t.required()) {
            if (!t.fields().containsKey(req)) {
                return Optional.of(Reason.TEMPLATE_FIELD_MISSING);
            }
        }
        return Optional.empty();
    }

    private static String refType(String fieldType) {
        switch (fieldType) {
            case "TEXT": case "TEXT_AREA": case "BOOLEAN": case "SINGLE_SELECT": return "STRING";
            case "NUMBER": return "NUMBER";
            case "DATE_TIME": return "DATE";
            case "URL": return "URL";
            case "EMAIL": return "EMAIL";
            default: return null;
        }
    }

    private static Optional<Duration> expiryOverride(StartTaskContactRequest r) {
        SegmentAttributeValue v = r.segmentAttributes().get("connect:ContactExpiry");
        if (v == null || v.valueMap().size() != 1) {
            return Optional.empty();
        }
        SegmentAttributeValue minutes = v.valueMap().get("ExpiryDuration");
        if (minutes == null || minutes.valueInteger().isEmpty()) {
            return Optional.empty();
        }
        int m = minutes.valueInteger().get();
        return m >= 1 && m <= 90 * 24 * 60 ? Optional.of(Duration.ofMinutes(m)) : Optional.empty();
    }

    private Optional<Outcome> instanceAndContact(String instanceId, String contactId) {
        if (!instances.contains(instanceId)) {
            return Optional.of(Outcome.error(ResourceNotFoundException.class, Reason.INSTANCE));
        }
        ModelContact c = contacts.get(contactId);
        if (c == null || !c.instanceId().equals(instanceId)) {
            return Optional.of(Outcome.error(ResourceNotFoundException.class, Reason.CONTACT));
        }
        return Optional.empty();
    }

    private Optional<ModelContact> contactIn(String id) {
        return Optional.ofNullable(contacts.get(id));
    }

    private Flow flowIn(String instanceId, String id) {
        Flow f = flows.get(id);
        return f != null && f.instanceId().equals(instanceId) ? f : null;
    }

    static long bytes(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .mapToLong(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private Next err(Class<? extends ConnectException> type, Reason reason) {
        return new Next(Outcome.error(type, reason), this);
    }

    private TaskModel with(long ids, Set<String> inst, Map<String, Flow> fl, Map<String, QuickConnectModel> qc, Map<String, Template> tt,
                           Map<String, ModelContact> cs, Map<String, Map<String, String>> sc, Map<String, Token> tk) {
        return new TaskModel(policy, idPrefix, ids, now, inst, fl, qc, tt, cs, sc, tk, tags, references, texts);
    }

    private static Set<String> add(Set<String> set, String value) {
        java.util.HashSet<String> copy = new java.util.HashSet<>(set);
        copy.add(value);
        return Set.copyOf(copy);
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        HashMap<String, V> copy = new HashMap<>(map);
        copy.put(key, value);
        return Map.copyOf(copy);
    }
}
