package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.domain.error.ContactNotFoundException;
import dev.connecttasks.domain.error.InternalServiceException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.LimitExceededException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.error.ThrottlingException;
import org.junit.jupiter.api.Test;

/** The wire's status for each of the service's errors (behaviour.md section 8); the SDK tests check the same through real clients. */
class ErrorStatusTest {

    @Test
    void eachErrorAnswersWithTheServicesStatus() {
        assertThat(ErrorStatus.of(new InvalidParameterException(Reason.INVALID_LENGTH, "m"))).isEqualTo(400);
        assertThat(ErrorStatus.of(new InvalidRequestException(Reason.NO_FLOW_SOURCE, "m"))).isEqualTo(400);
        assertThat(ErrorStatus.of(new dev.connecttasks.domain.error.PropertyValidationException(Reason.TEMPLATE_FIELD_MISSING, "m")))
                .isEqualTo(400);
        assertThat(ErrorStatus.of(new ServiceQuotaExceededException(Reason.LINKED_TASKS, "m"))).isEqualTo(402);
        assertThat(ErrorStatus.of(new ResourceNotFoundException(Reason.CONTACT, "m"))).isEqualTo(404);
        assertThat(ErrorStatus.of(new ContactNotFoundException(Reason.CONTACT_NOT_ACTIVE, "m"))).isEqualTo(410);
        assertThat(ErrorStatus.of(new ThrottlingException(Reason.RATE_EXCEEDED, "m"))).isEqualTo(429);
        assertThat(ErrorStatus.of(new LimitExceededException(Reason.RESCHEDULE_LIMIT, "m"))).isEqualTo(429);
        assertThat(ErrorStatus.of(new InternalServiceException(Reason.ADAPTER_FAILURE, "m"))).isEqualTo(500);
    }
}
