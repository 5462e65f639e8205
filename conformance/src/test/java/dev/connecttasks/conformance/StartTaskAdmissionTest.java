package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ThrottlingException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.rules.AdmissionFacts;
import dev.connecttasks.domain.rules.StartTaskRules;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * StartTaskContact's steps 1 to 4 as the domain core runs them for an application that embeds it
 * without this project's service: the rate, the members, the request's shape, then the instance,
 * each refusing on its own (the service's store would refuse an unknown instance later anyway).
 */
class StartTaskAdmissionTest {

    private static final StartTaskRules RULES = new StartTaskRules(TaskPolicy.defaults());
    private static final StartTaskContactRequest VALID = StartTaskContactRequest.builder().instanceId("i-1").name("n")
            .contactFlowId("f-1").build();

    private static AdmissionFacts facts(boolean rateAllowed, boolean instanceExists) {
        return new FixedAdmissionFacts(rateAllowed, instanceExists ? Set.of("i-1") : Set.of());
    }

    private static ConnectException refusal(StartTaskContactRequest request, AdmissionFacts facts) {
        return catchThrowableOfType(ConnectException.class, () -> RULES.admit(request, facts));
    }

    @Test
    void anUnknownInstanceIsRefusedByTheRulesThemselves() {
        ConnectException refusal = refusal(VALID, facts(true, false));
        assertThat(refusal).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("InstanceId i-1");
        assertThat(refusal.reason()).isEqualTo(Reason.INSTANCE);
        assertThat(refusal(VALID, facts(true, true))).as("a known instance and valid members are admitted").isNull();
    }

    @Test
    void theStepsRefuseInTheirOrder() {
        StartTaskContactRequest badMember = VALID.toBuilder().name("n".repeat(1025)).build();
        StartTaskContactRequest badShape = VALID.toBuilder().quickConnectId("q-1").build();
        assertThat(refusal(badMember, facts(false, false))).as("1: the rate before anything").isInstanceOf(ThrottlingException.class);
        assertThat(refusal(badMember, facts(true, false)).reason()).as("2: the members before the instance").isEqualTo(Reason.INVALID_LENGTH);
        assertThat(refusal(badShape, facts(true, false)).reason()).as("3: the shape before the instance")
                .isEqualTo(Reason.MULTIPLE_FLOW_SOURCES);
        assertThat(refusal(VALID.toBuilder().attributes(Map.of("k!", "v")).build(), facts(true, false)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aRefusalQuotesAKeyOfFortyCharactersWholeAndALongerOneByItsFirstThirtySeven() {
        String forty = "!" + "k".repeat(38) + "\uD83D\uDE00";        // 40 characters in 41 UTF-16 units
        String fortyOne = "!" + "k".repeat(39) + "\uD83D\uDE00";
        assertThat(refusal(VALID.toBuilder().attributes(Map.of(forty, "v")).build(), facts(true, true)))
                .hasMessageContaining("Attributes key '" + forty + "'");
        assertThat(refusal(VALID.toBuilder().attributes(Map.of(fortyOne, "v")).build(), facts(true, true)))
                .hasMessageContaining("Attributes key '" + fortyOne.substring(0, 37) + "...'");
    }
}
