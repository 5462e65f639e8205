package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.domain.contact.Attributes;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.error.ContactNotFoundException;
import dev.connecttasks.domain.error.InternalServiceException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.LimitExceededException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.error.ThrottlingException;
import dev.connecttasks.domain.policy.RatePolicy;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.RequestFingerprint;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Value-level facts the service-level properties reach only indirectly. */
class DomainValuesTest {

    @Test
    void errorsNameThemselvesAndTheirReason() {
        assertThat(new ThrottlingException(Reason.RATE_EXCEEDED, "slow down")).hasToString("ThrottlingException(RATE_EXCEEDED): slow down");
        assertThat(new ContactNotFoundException(Reason.CONTACT_NOT_ACTIVE, "m").errorType()).isEqualTo("ContactNotFoundException");
    }

    @Test
    void theFingerprintDistinguishesEveryMember() {
        StartTaskContactRequest base = StartTaskContactRequest.builder().instanceId("i").name("n").build();
        List<UnaryOperator<StartTaskContactRequest.Builder>> changes = List.of(
                b -> b.instanceId("j"), b -> b.name("m"), b -> b.description("d"), b -> b.previousContactId("p"),
                b -> b.relatedContactId("r"), b -> b.contactFlowId("f"), b -> b.quickConnectId("q"), b -> b.taskTemplateId("t"),
                b -> b.attributes(Map.of("a", "1")), b -> b.references(Map.of("r", Reference.of("STRING", "v"))),
                b -> b.references(Map.of("r", Reference.of("URL", "v"))), b -> b.scheduledTime(Instant.EPOCH),
                b -> b.segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(5)),
                b -> b.segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(6)),
                b -> b.segmentAttributes(Map.of("k", SegmentAttributeValue.ofString("s"))));
        String fingerprint = RequestFingerprint.of(base);
        for (UnaryOperator<StartTaskContactRequest.Builder> change : changes) {
            String other = RequestFingerprint.of(change.apply(base.toBuilder()).build());
            assertThat(other).isNotEqualTo(fingerprint);
            assertThat(RequestFingerprint.of(change.apply(base.toBuilder()).build())).isEqualTo(other);
        }
        // length prefixes: a value cannot imitate two values
        assertThat(RequestFingerprint.of(base.toBuilder().attributes(Map.of("ab", "c")).build()))
                .isNotEqualTo(RequestFingerprint.of(base.toBuilder().attributes(Map.of("a", "bc")).build()));
        assertThat(RequestFingerprint.of(base.toBuilder().clientToken("x").build().withoutClientToken())).isEqualTo(fingerprint);
    }

    @Test
    void utf8SizesCountEveryEncodingWidth() {
        assertThat(Attributes.utf8Length("a\u007f")).isEqualTo(2);
        assertThat(Attributes.utf8Length("\u0080\u07ff")).isEqualTo(4);
        assertThat(Attributes.utf8Length("\u0800€")).isEqualTo(6);
        assertThat(Attributes.utf8Length("\uD83D\uDE00")).isEqualTo(4);
        assertThat(Attributes.utf8Length("\uD83Dx")).as("a lone surrogate counts as three bytes").isEqualTo(4);
        assertThat(Attributes.utf8Size(Map.of("ké", "€"))).isEqualTo(6);
        assertThat(Attributes.isValidKey("k".repeat(32_767))).isTrue();
        assertThat(Attributes.isValidKey("k".repeat(32_768))).isFalse();
        assertThat(Attributes.isValidKey("")).isFalse();
    }

    @Test
    void policyWithersChangeOneLimit() {
        TaskPolicy p = TaskPolicy.defaults();
        assertThat(p.withScheduleWindow(Duration.ofDays(90)).scheduleWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(p.withTaskExpiry(Duration.ofDays(1)).taskExpiry()).isEqualTo(Duration.ofDays(1));
        assertThat(p.withClientTokenLifetime(Duration.ofDays(2)).clientTokenLifetime()).isEqualTo(Duration.ofDays(2));
        assertThat(p.withStartTaskRate(new RatePolicy(1, 1)).startTaskRate()).isEqualTo(new RatePolicy(1, 1));
        assertThat(p.withContactOperationRate(new RatePolicy(3, 4)).contactOperationRate()).isEqualTo(new RatePolicy(3, 4));
        assertThat(p.withScheduleWindow(Duration.ofDays(90)).withLinkedTasksPerContact(12)).isEqualTo(p.withScheduleWindow(Duration.ofDays(90)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.withLinkedTasksPerContact(0)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.withTaskExpiry(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.withLinkedTasksPerContact(1).linkedTasksPerContact()).isEqualTo(1);
    }
}
