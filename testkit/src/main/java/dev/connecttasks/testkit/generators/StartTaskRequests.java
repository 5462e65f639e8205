package dev.connecttasks.testkit.generators;

import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.rules.ResourceArns;
import dev.connecttasks.domain.template.TemplateField;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * StartTaskContact requests for a {@link SetUp}, for users' own property runs: requests the service
 * accepts (each flow source, references, scheduled times, templates with their fields, attributes
 * and text of every awkward kind), and for each reason code requests it must refuse with exactly
 * that reason (each a valid request with one defect). Requests carry no ClientToken, so that two of
 * them never collide; set one where the property is about retries.
 *
 * <pre>{@code
 * SetUp setUp = SetUps.createOn(service);
 * Property.forAll(StartTaskRequests.valid(setUp, clock.instant())).check(r -> service.startTaskContact(r));
 * }</pre>
 */
public final class StartTaskRequests {

    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    private StartTaskRequests() {
    }

    /**
     * Requests the service accepts on {@code setUp} with its clock at {@code now} (a ScheduledTime is
     * within the window from there): no link, one flow source, everything else drawn. A start may
     * still meet a quota that earlier starts filled (open tasks, throttling when it is on).
     */
    public static Gen<StartTaskContactRequest> valid(SetUp setUp, Instant now) {
        Gen<UnaryOperator<StartTaskContactRequest.Builder>> source = Gens.frequency(List.of(
                Gens.weighted(4, Gens.elements(setUp.usableFlows()).map(f -> (UnaryOperator<StartTaskContactRequest.Builder>) b -> b.contactFlowId(f))),
                Gens.weighted(1, Gens.elements(setUp.usableFlows())
                        .map(f -> (UnaryOperator<StartTaskContactRequest.Builder>) b -> b.contactFlowId(ResourceArns.INSTANCE_ARN_PREFIX
                                + setUp.instanceId() + "/contact-flow/" + f))),
                Gens.weighted(2, Gens.elements(setUp.usableQuickConnects())
                        .map(q -> (UnaryOperator<StartTaskContactRequest.Builder>) b -> b.quickConnectId(q))),
                Gens.weighted(3, template(setUp, now))));
        Gen<Optional<String>> description = Gens.optionals(Texts.awkward(0, 4_096));
        Gen<Optional<Instant>> scheduled = Gens.frequency(List.of(Gens.weighted(3, Gens.constant(Optional.empty())),
                Gens.weighted(1, scheduledTime(setUp, now).map(Optional::of))));
        Gen<Map<String, SegmentAttributeValue>> segments = Gens.frequency(List.of(Gens.weighted(4, Gens.constant(Map.of())),
                Gens.weighted(1, Gens.elements(1, 60, 10_080, 129_600).map(SegmentAttributeValue::contactExpiryMinutes))));
        return random -> {
            StartTaskContactRequest.Builder b = StartTaskContactRequest.builder()
                    .instanceId(Gens.frequency(List.of(Gens.weighted(5, Gens.constant(setUp.instanceId())),
                            Gens.weighted(1, Gens.constant(ResourceArns.INSTANCE_ARN_PREFIX + setUp.instanceId())))).generate(random))
                    .name(Texts.awkward(1, 1_024).generate(random))
                    .description(description.generate(random).orElse(null))
                    .attributes(attributes().generate(random))
                    .references(references().generate(random))
                    .scheduledTime(scheduled.generate(random).orElse(null))
                    .segmentAttributes(segments.generate(random));
            return source.generate(random).apply(b).build();
        };
    }

    /** Attributes a scope keeps: 0-4 keys of the allowed characters, values of awkward text. */
    public static Gen<Map<String, String>> attributes() {
        Gen<String> key = Gens.frequency(List.of(Gens.weighted(6, Gens.strings(Gens.range('a', 'z') + Gens.range('A', 'Z') + Gens.range('0', '9')
                + "_-", 1, 12)), Gens.weighted(1, Gens.elements("customer", "order_id", "K-2"))));
        return Gens.maps(key, Texts.awkward(0, 40), 0, 4);
    }

    /** References of every type a start takes, with values in their formats; keys never a template field's name. */
    public static Gen<Map<String, Reference>> references() {
        Gen<Reference> reference = Gens.oneOf(
                Texts.awkward(0, 60).map(v -> Reference.of("STRING", v)),
                Gens.elements("0", "12.5", "-3", "1000000").map(v -> Reference.of("NUMBER", v)),
                Gens.elements("0", "1767603600", "4102444800").map(v -> Reference.of("DATE", v)),
                Gens.elements("https://example.com/a?b=c", "http://localhost:8080/x").map(v -> Reference.of("URL", v)),
                Gens.elements("a@b.example", "first.last+tag@example.co.uk").map(v -> Reference.of("EMAIL", v)));
        return Gens.maps(Gens.combine(Gens.integers(1, 9), Texts.awkward(0, 8), (n, text) -> "ref" + n + text), reference, 0, 3);
    }

    private static Gen<Instant> scheduledTime(SetUp setUp, Instant now) {
        // the current second may already be past by the time the request arrives: a second on, at the least
        Instant earliest = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long windowSeconds = setUp.policy().scheduleWindow().toSeconds() - 2;
        return Gens.frequency(List.of(Gens.weighted(3, Gens.longs(0, windowSeconds)), Gens.weighted(1, Gens.elements(0L, windowSeconds))))
                .map(earliest::plusSeconds);
    }

    /** A usable template, and the fields it requires without a default given values (others now and then too). */
    private static Gen<UnaryOperator<StartTaskContactRequest.Builder>> template(SetUp setUp, Instant now) {
        return random -> {
            SetUp.Template template = Gens.elements(setUp.usableTemplates()).generate(random);
            List<UnaryOperator<StartTaskContactRequest.Builder>> fills = new ArrayList<>();
            for (TemplateField field : template.fields()) {
                boolean mustGive = template.requiredWithoutDefault().contains(field);
                if (mustGive || Gens.integers(0, 3).generate(random) == 0) {
                    fills.add(fieldValue(field, setUp, now).generate(random));
                }
            }
            return b -> {
                b.taskTemplateId(template.taskTemplateId());
                fills.forEach(fill -> fill.apply(b));
                return b;
            };
        };
    }

    /** A valid value of the field, as the member or reference it maps to. */
    private static Gen<UnaryOperator<StartTaskContactRequest.Builder>> fieldValue(TemplateField field, SetUp setUp, Instant now) {
        Gen<String> value = switch (field.type()) {
            case NAME -> Texts.awkward(1, 1_024);
            case DESCRIPTION -> Texts.awkward(0, 4_096);
            case SCHEDULED_TIME -> Gens.constant("");
            case TEXT -> Texts.awkward(0, 511);
            case TEXT_AREA -> Texts.awkward(0, 4_095);
            case BOOLEAN -> Gens.elements("true", "false");
            case SINGLE_SELECT -> Gens.elements(field.options());
            case NUMBER -> Gens.elements("1", "2.75", "-40");
            case DATE_TIME -> Gens.elements("1767603600", "0");
            case URL -> Gens.elements("https://example.com/orders/1", "http://intranet.example/x");
            case EMAIL -> Gens.elements("agent@example.com");
        };
        if (field.type() == dev.connecttasks.domain.template.FieldType.SCHEDULED_TIME) {
            return scheduledTime(setUp, now).map(t -> b -> b.scheduledTime(t));
        }
        return value.map(v -> b -> switch (field.type()) {
            case NAME -> b.name(v);
            case DESCRIPTION -> b.description(v);
            default -> {
                Map<String, Reference> references = new LinkedHashMap<>(b.build().references());
                references.put(field.name(), Reference.of(field.type().referenceType().orElseThrow(), v));
                yield b.references(references);
            }
        });
    }

    /** Requests the service must refuse with {@code reason}, and the exception type it refuses with. */
    public record Refusal(Reason reason, Class<? extends ConnectException> type, Gen<StartTaskContactRequest> requests) {
    }

    /**
     * For every reason a StartTaskContact can be refused with on {@code setUp} without earlier calls,
     * requests that must be refused with exactly it: a valid request with one defect. The reasons that
     * need state (LINKED_TASKS, ACTIVE_TASKS, CLIENT_TOKEN_REUSED, RATE_EXCEEDED) are what
     * {@link #fanOuts} and the user's own calls reach.
     */
    public static List<Refusal> refusals(SetUp setUp, Instant now) {
        Gen<StartTaskContactRequest> base = valid(setUp, now);
        Gen<StartTaskContactRequest> byFlow = base.map(r -> withSource(r, b -> b.contactFlowId(setUp.usableFlows().get(0))));
        List<Refusal> refusals = new ArrayList<>();
        refusals.add(new Refusal(Reason.MISSING_PARAMETER, InvalidParameterException.class, Gens.oneOf(
                base.map(r -> r.toBuilder().instanceId(null).build()), base.map(r -> r.toBuilder().name(null).build()))));
        refusals.add(new Refusal(Reason.INVALID_LENGTH, InvalidParameterException.class, Gens.oneOf(
                base.map(r -> r.toBuilder().name(Texts.EMOJI.repeat(1_025)).build()),
                base.map(r -> r.toBuilder().description("d".repeat(4_097)).build()),
                base.map(r -> r.toBuilder().instanceId("i".repeat(101)).build()),
                base.map(r -> r.toBuilder().previousContactId("p".repeat(257)).build()),
                base.map(r -> r.toBuilder().relatedContactId("").build()),
                base.map(r -> r.toBuilder().clientToken("").build()),
                byFlow.map(r -> r.toBuilder().contactFlowId("f".repeat(501)).build()),
                base.map(r -> withSource(r, b -> b.quickConnectId("q".repeat(501)))),
                base.map(r -> withSource(r, b -> b.taskTemplateId(""))))));
        refusals.add(new Refusal(Reason.INVALID_CHARACTERS, InvalidParameterException.class, Gens.oneOf(
                Gens.combine(base, Texts.unencodable(), (r, bad) -> r.toBuilder().name(bad).build()),
                Gens.combine(base, Texts.unencodable(), (r, bad) -> r.toBuilder().description(bad).build()),
                Gens.combine(base, Texts.unencodable(), (r, bad) -> r.toBuilder().attributes(Map.of("k", bad)).build()),
                Gens.combine(base, Texts.unencodable(), (r, bad) -> r.toBuilder().references(Map.of(bad, Reference.of("STRING", "v"))).build()),
                Gens.combine(base, Texts.unencodable(), (r, bad) -> r.toBuilder().references(Map.of("Note", Reference.of("STRING", bad))).build()))));
        refusals.add(new Refusal(Reason.INVALID_ATTRIBUTE_KEY, InvalidParameterException.class, Gens.combine(base,
                Gens.elements("has space", "", "ключ", "a.b", "x" + Texts.EMOJI), (r, key) -> r.toBuilder().attributes(Map.of(key, "v")).build())));
        refusals.add(new Refusal(Reason.ATTRIBUTES_TOO_LARGE, InvalidParameterException.class, base.map(r -> r.toBuilder()
                .attributes(Map.of("big", "v".repeat(32_766), "b", "xx")).build())));
        refusals.add(new Refusal(Reason.INVALID_REFERENCE, InvalidParameterException.class, Gens.combine(base, Gens.elements(
                Map.of("Doc", Reference.of("ATTACHMENT", "x")), Map.of("Site", Reference.of("URL", "ftp://example.com")),
                Map.of("Count", Reference.of("NUMBER", "1e5")), Map.of("Mail", Reference.of("EMAIL", "not-an-address")),
                Map.of("Mail", Reference.of("EMAIL", "a@")), Map.of("Mail", Reference.of("EMAIL", "first last@example.com")),
                Map.of("Site", Reference.of("URL", "https://example.com/a b")), Map.of("Site", Reference.of("URL", "https://")),
                Map.of("Site", Reference.of("URL", "http:///path")),
                Map.of("When", new Reference(Optional.empty(), Optional.of("1")))),
                (r, bad) -> r.toBuilder().references(bad).build())));
        refusals.add(new Refusal(Reason.SCHEDULED_TIME_IN_PAST, InvalidParameterException.class, Gens.combine(byFlow,
                Gens.elements(Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofDays(400)), (r, ago) -> r.toBuilder()
                        .scheduledTime(now.truncatedTo(ChronoUnit.SECONDS).minus(ago)).build())));
        refusals.add(new Refusal(Reason.SCHEDULED_TIME_TOO_FAR, InvalidParameterException.class, Gens.combine(byFlow,
                Gens.elements(Duration.ofMinutes(1), Duration.ofDays(30)), (r, beyond) -> r.toBuilder()
                        .scheduledTime(now.plus(setUp.policy().scheduleWindow()).plus(beyond)).build())));
        refusals.add(new Refusal(Reason.INVALID_SEGMENT_ATTRIBUTE, InvalidParameterException.class, Gens.combine(base, Gens.elements(
                SegmentAttributeValue.contactExpiryMinutes(0), SegmentAttributeValue.contactExpiryMinutes(129_601),
                Map.of("connect:Other", SegmentAttributeValue.ofString("x"))), (r, bad) -> r.toBuilder().segmentAttributes(bad).build())));
        refusals.add(new Refusal(Reason.PREVIOUS_AND_RELATED, InvalidRequestException.class,
                base.map(r -> r.toBuilder().previousContactId(UNKNOWN).relatedContactId(UNKNOWN).build())));
        refusals.add(new Refusal(Reason.MULTIPLE_FLOW_SOURCES, InvalidRequestException.class,
                byFlow.map(r -> r.toBuilder().quickConnectId(setUp.usableQuickConnects().get(0)).build())));
        refusals.add(new Refusal(Reason.NO_FLOW_SOURCE, InvalidRequestException.class, byFlow.map(r -> r.toBuilder().contactFlowId(null).build())));
        refusals.add(new Refusal(Reason.INSTANCE, ResourceNotFoundException.class, base.map(r -> r.toBuilder().instanceId(UNKNOWN).build())));
        refusals.add(new Refusal(Reason.PREVIOUS_CONTACT, ResourceNotFoundException.class, base.map(r -> r.toBuilder().previousContactId(UNKNOWN).build())));
        refusals.add(new Refusal(Reason.RELATED_CONTACT, ResourceNotFoundException.class, base.map(r -> r.toBuilder().relatedContactId(UNKNOWN).build())));
        refusals.add(new Refusal(Reason.CONTACT_FLOW, ResourceNotFoundException.class, byFlow.map(r -> r.toBuilder().contactFlowId(UNKNOWN).build())));
        refusals.add(new Refusal(Reason.QUICK_CONNECT, ResourceNotFoundException.class, base.map(r -> withSource(r, b -> b.quickConnectId(UNKNOWN)))));
        refusals.add(new Refusal(Reason.TASK_TEMPLATE, ResourceNotFoundException.class, base.map(r -> withSource(r, b -> b.taskTemplateId(UNKNOWN)))));
        refusals.add(new Refusal(Reason.FLOW_NOT_USABLE, InvalidRequestException.class, Gens.oneOf(
                Gens.combine(base, Gens.elements(setUp.unusableFlows()), (r, f) -> withSource(r, b -> b.contactFlowId(f))),
                Gens.combine(base, Gens.elements(setUp.quickConnectsWithUnusableFlow()), (r, q) -> withSource(r, b -> b.quickConnectId(q))),
                Gens.combine(base, Gens.elements(setUp.templatesWithUnusableFlow()), (r, t) -> withSource(r, b -> b.taskTemplateId(t))))));
        refusals.add(new Refusal(Reason.QUICK_CONNECT_HAS_NO_FLOW, InvalidRequestException.class,
                Gens.combine(base, Gens.elements(setUp.phoneQuickConnects()), (r, q) -> withSource(r, b -> b.quickConnectId(q)))));
        refusals.add(new Refusal(Reason.TEMPLATE_INACTIVE, InvalidRequestException.class,
                Gens.combine(base, Gens.elements(setUp.inactiveTemplates()), (r, t) -> withSource(r, b -> b.taskTemplateId(t)))));
        refusals.add(new Refusal(Reason.TEMPLATE_HAS_NO_FLOW, InvalidRequestException.class,
                Gens.combine(base, Gens.elements(setUp.templatesWithoutFlow()), (r, t) -> withSource(r, b -> b.taskTemplateId(t)))));
        refusals.add(new Refusal(Reason.TEMPLATE_FIELD_MISSING, InvalidParameterException.class, fieldMissing(setUp, now)));
        refusals.add(new Refusal(Reason.TEMPLATE_FIELD_INVALID, InvalidParameterException.class, fieldInvalid(setUp, now)));
        return List.copyOf(refusals);
    }

    /** The request with its flow source replaced. */
    private static StartTaskContactRequest withSource(StartTaskContactRequest r, UnaryOperator<StartTaskContactRequest.Builder> source) {
        StartTaskContactRequest.Builder b = r.toBuilder().contactFlowId(null).quickConnectId(null).taskTemplateId(null);
        // a template's field references mean nothing to another source, but stay valid references
        return source.apply(b).build();
    }

    /** A usable template's start without the value of one field it requires and does not fill. */
    private static Gen<StartTaskContactRequest> fieldMissing(SetUp setUp, Instant now) {
        List<SetUp.Template> lacking = setUp.usableTemplates().stream().filter(t -> t.requiredWithoutDefault().stream()
                .anyMatch(f -> f.type().referenceType().isPresent())).toList();
        if (lacking.isEmpty()) {
            throw new IllegalArgumentException("the set-up has no template requiring a reference field without a default");
        }
        return Gens.combine(Gens.elements(lacking), valid(setUp, now), (template, r) -> {
            TemplateField omitted = template.requiredWithoutDefault().stream().filter(f -> f.type().referenceType().isPresent()).findFirst()
                    .orElseThrow();
            return filled(r, template, setUp, now, omitted.name(), null);
        });
    }

    /** A usable template's start with one field given a value that does not suit it. */
    private static Gen<StartTaskContactRequest> fieldInvalid(SetUp setUp, Instant now) {
        return Gens.combine(Gens.elements(setUp.usableTemplates()), valid(setUp, now), Gens.elements(
                Map.entry("Urgent", Reference.of("STRING", "maybe")), Map.entry("Priority", Reference.of("STRING", "medium")),
                Map.entry("Notes", Reference.of("STRING", "n".repeat(512))), Map.entry("Count", Reference.of("STRING", "3")),
                Map.entry("Link", Reference.of("EMAIL", "a@b.example"))),
                (template, r, bad) -> filled(r, template, setUp, now, bad.getKey(), bad.getValue()));
    }

    /**
     * The request on {@code template} with every required field without a default filled validly,
     * except {@code field}, which gets {@code value} (none: left out).
     */
    private static StartTaskContactRequest filled(StartTaskContactRequest r, SetUp.Template template, SetUp setUp, Instant now, String field,
                                                  Reference value) {
        Map<String, Reference> references = new LinkedHashMap<>();
        r.references().forEach((k, v) -> {
            if (template.fields().stream().noneMatch(f -> f.name().equals(k))) {
                references.put(k, v);
            }
        });
        StartTaskContactRequest.Builder b = withSource(r, x -> x.taskTemplateId(template.taskTemplateId())).toBuilder();
        b.name(r.name().filter(n -> !n.isEmpty()).orElse("task")).description(r.description().orElse("described"))
                .scheduledTime(now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(60));
        for (TemplateField f : template.requiredWithoutDefault()) {
            if (!f.name().equals(field) && f.type().referenceType().isPresent()) {
                references.put(f.name(), Reference.of(f.type().referenceType().get(), SetUps.validDefaults().get(f.name())));
            }
        }
        if (value != null) {
            references.put(field, value);
        } else {
            references.remove(field);
        }
        return b.references(references).build();
    }

    /**
     * A valid root task and {@code min}..{@code max} valid follow-ups with no link, for a program
     * to link: more than the policy's linked-task limit is where "my code never starts a 13th linked
     * task" is tried.
     */
    public static Gen<FanOut> fanOuts(SetUp setUp, Instant now, int min, int max) {
        Gen<StartTaskContactRequest> simple = valid(setUp, now).map(r -> r.toBuilder().attributes(Map.of()).build());
        return Gens.combine(valid(setUp, now), Gens.lists(simple, min, max), FanOut::new);
    }

    /**
     * A valid root and {@code min}..{@code max} valid tasks to link one after another
     * ({@link Chain#startOn}). Their attributes are small, so a chain's shared scope stays within its
     * 32,768 bytes however long the chain.
     */
    public static Gen<Chain> chains(SetUp setUp, Instant now, int min, int max) {
        Gen<StartTaskContactRequest> small = valid(setUp, now).map(r -> r.toBuilder().attributes(Map.of()).build());
        return Gens.combine(valid(setUp, now), Gens.lists(small, min, max), Chain::new);
    }
}
