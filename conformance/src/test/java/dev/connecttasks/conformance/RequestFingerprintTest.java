package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.RequestFingerprint;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.TransferContactRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The ClientToken fingerprint tells apart any two requests that differ in one member (a retry that
 * changed it is CLIENT_TOKEN_REUSED, not a replay), and only those: the ClientToken itself and the
 * order of a map's entries change nothing.
 */
class RequestFingerprintTest {

    private static final StartTaskContactRequest TASK = StartTaskContactRequest.builder().instanceId("i").name("n").description("d")
            .previousContactId("p").contactFlowId("f").attributes(Map.of("a", "1", "b", "2"))
            .references(Map.of("r", Reference.of("URL", "https://example.com"), "s", Reference.of("STRING", "x")))
            .scheduledTime(Instant.parse("2026-01-01T00:00:00.5Z")).clientToken("t")
            .segmentAttributes(Map.of("connect:ContactExpiry", SegmentAttributeValue.ofMap(Map.of("ExpiryDuration", SegmentAttributeValue.ofInteger(60))),
                    "connect:CreatedByUser", SegmentAttributeValue.ofString("arn"))).build();

    @Test
    void aTaskRequestThatDiffersInAnyOneMemberHasAnotherFingerprint() {
        List<UnaryOperator<StartTaskContactRequest.Builder>> changes = List.of(
                b -> b.instanceId("j"), b -> b.name("m"), b -> b.description("e"), b -> b.description(null),
                b -> b.previousContactId(null).relatedContactId("p"), b -> b.previousContactId("q"),
                b -> b.contactFlowId(null).quickConnectId("f"), b -> b.contactFlowId(null).taskTemplateId("f"),
                b -> b.attributes(Map.of("a", "1")), b -> b.attributes(Map.of("a", "1", "b", "3")),
                b -> b.references(Map.of("r", Reference.of("URL", "https://example.com"))),
                b -> b.references(Map.of("r", Reference.of("STRING", "https://example.com"), "s", Reference.of("STRING", "x"))),
                b -> b.references(Map.of("r", Reference.of("URL", "https://example.org"), "s", Reference.of("STRING", "x"))),
                b -> b.references(Map.of("r", new Reference(Optional.empty(), Optional.of("https://example.com")), "s", Reference.of("STRING", "x"))),
                b -> b.scheduledTime(Instant.parse("2026-01-01T00:00:00.6Z")), b -> b.scheduledTime(Instant.parse("2026-01-01T00:00:01.5Z")),
                b -> b.scheduledTime(null),
                b -> b.segmentAttributes(Map.of("connect:ContactExpiry", SegmentAttributeValue.ofMap(Map.of("ExpiryDuration",
                        SegmentAttributeValue.ofInteger(61))), "connect:CreatedByUser", SegmentAttributeValue.ofString("arn"))),
                b -> b.segmentAttributes(Map.of("connect:ContactExpiry", SegmentAttributeValue.ofMap(Map.of("ExpiryDuration",
                        SegmentAttributeValue.ofInteger(60))), "connect:CreatedByUser", SegmentAttributeValue.ofString("arn2"))),
                b -> b.segmentAttributes(Map.of("connect:ContactExpiry", SegmentAttributeValue.ofMap(Map.of("Other",
                        SegmentAttributeValue.ofInteger(60))), "connect:CreatedByUser", SegmentAttributeValue.ofString("arn"))));
        String original = RequestFingerprint.of(TASK);
        for (int i = 0; i < changes.size(); i++) {
            assertThat(RequestFingerprint.of(changes.get(i).apply(TASK.toBuilder()).build())).as("change %d", i).isNotEqualTo(original);
        }
    }

    @Test
    void theClientTokenAndTheOrderOfMapEntriesChangeNothing() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("b", "2");
        reversed.put("a", "1");
        Map<String, Reference> references = new LinkedHashMap<>();
        references.put("s", Reference.of("STRING", "x"));
        references.put("r", Reference.of("URL", "https://example.com"));
        StartTaskContactRequest same = TASK.toBuilder().clientToken("other").attributes(reversed).references(references).build();
        assertThat(RequestFingerprint.of(same)).isEqualTo(RequestFingerprint.of(TASK));
        // a value cannot imitate the structure around it: every string is length-prefixed
        assertThat(RequestFingerprint.of(TASK.toBuilder().attributes(Map.of("a", "1}{b")).build()))
                .isNotEqualTo(RequestFingerprint.of(TASK.toBuilder().attributes(Map.of("a", "1", "b", "")).build()));
    }

    @Test
    void anOutboundCallThatDiffersInAnyOneMemberHasAnotherFingerprint() {
        StartOutboundVoiceContactRequest call = StartOutboundVoiceContactRequest.builder().instanceId("i").contactFlowId("f")
                .destinationPhoneNumber("+1").sourcePhoneNumber("+2").name("n").description("d").relatedContactId("r")
                .ringTimeoutInSeconds(30).attributes(Map.of("a", "1")).references(Map.of("r", Reference.of("URL", "https://example.com")))
                .clientToken("t").build();
        List<UnaryOperator<StartOutboundVoiceContactRequest.Builder>> changes = List.of(b -> b.instanceId("j"), b -> b.contactFlowId("g"),
                b -> b.destinationPhoneNumber("+3"), b -> b.sourcePhoneNumber("+4"), b -> b.name("m"), b -> b.description("e"),
                b -> b.relatedContactId("s"), b -> b.ringTimeoutInSeconds(31), b -> b.attributes(Map.of("a", "2")),
                b -> b.references(Map.of("r", Reference.of("URL", "https://example.org"))),
                b -> b.references(Map.of("r", Reference.of("STRING", "https://example.com"))));
        String original = RequestFingerprint.of(call);
        for (int i = 0; i < changes.size(); i++) {
            assertThat(RequestFingerprint.of(changes.get(i).apply(rebuild(call)).build())).as("change %d", i).isNotEqualTo(original);
        }
        assertThat(RequestFingerprint.of(rebuild(call).clientToken("other").build())).isEqualTo(original);
        assertThat(original).as("never a task's").startsWith("voice:");
    }

    private static StartOutboundVoiceContactRequest.Builder rebuild(StartOutboundVoiceContactRequest call) {
        return StartOutboundVoiceContactRequest.builder().instanceId(call.instanceId().orElse(null)).contactFlowId(call.contactFlowId().orElse(null))
                .destinationPhoneNumber(call.destinationPhoneNumber().orElse(null)).sourcePhoneNumber(call.sourcePhoneNumber().orElse(null))
                .name(call.name().orElse(null)).description(call.description().orElse(null)).relatedContactId(call.relatedContactId().orElse(null))
                .ringTimeoutInSeconds(call.ringTimeoutInSeconds().orElse(null)).attributes(call.attributes()).references(call.references())
                .clientToken(call.clientToken().orElse(null));
    }

    @Test
    void aTransferThatDiffersInAnyOneMemberHasAnotherFingerprint() {
        String original = RequestFingerprint.of(TransferContactRequest.of("i", "c", "f", "q", "u", "t"));
        List<TransferContactRequest> changed = List.of(TransferContactRequest.of("j", "c", "f", "q", "u", "t"),
                TransferContactRequest.of("i", "d", "f", "q", "u", "t"), TransferContactRequest.of("i", "c", "g", "q", "u", "t"),
                TransferContactRequest.of("i", "c", "f", "r", "u", "t"), TransferContactRequest.of("i", "c", "f", "q", "v", "t"));
        for (TransferContactRequest request : changed) {
            assertThat(RequestFingerprint.of(request)).as(request.toString()).isNotEqualTo(original);
        }
        assertThat(RequestFingerprint.of(TransferContactRequest.of("i", "c", "f", "q", "u", "other"))).isEqualTo(original);
        assertThat(original).startsWith("transfer:");
    }
}
