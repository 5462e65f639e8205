package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.model.InstanceSummary;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** DeleteInstance through the SDK: its path and query, the SDK's own ClientToken making a retry succeed, and its errors. */
class InstanceDeletionSdkTest extends InMemorySdkTest {

    @Test
    void aDeletedInstanceIsGoneForTheSdkAndARetryWithItsTokenSucceeds() {
        fixture.requireOwnSetUp("deletes the instance");
        String task = connect.startTaskContact(fixture.task().build()).contactId();
        connect.deleteInstance(r -> r.instanceId(instance).clientToken("delete-1"));
        connect.deleteInstance(r -> r.instanceId(instance).clientToken("delete-1"));

        assertThat(connect.listInstances(r -> { }).instanceSummaryList()).extracting(InstanceSummary::id).doesNotContain(instance);
        ResourceNotFoundException describe = catchThrowableOfType(ResourceNotFoundException.class,
                () -> connect.describeInstance(r -> r.instanceId(instance)));
        assertThat(describe.statusCode()).isEqualTo(404);
        assertThat(describe.awsErrorDetails().rawResponse().asUtf8String()).contains("\"ReasonCode\":\"INSTANCE\"");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.describeContact(r -> r.instanceId(instance)
                .contactId(task)))).isNotNull();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.startTaskContact(fixture.task().build())))
                .isNotNull();
        // the SDK draws a ClientToken of its own when none is given: another call, so refused
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.deleteInstance(r -> r.instanceId(instance))))
                .isNotNull();
    }

    @Test
    void theSdksOwnTokenDeletesAnInstanceAndAnUnknownOneIsNotFound() {
        String other = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true)
                .outboundCallsEnabled(true)).id();
        connect.deleteInstance(r -> r.instanceId(other));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.describeInstance(r -> r.instanceId(other))))
                .isNotNull();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.deleteInstance(r -> r.instanceId("no-such"))))
                .isNotNull();
        assertThat(connect.describeInstance(r -> r.instanceId(instance)).instance().id()).as("the fixture's instance is kept")
                .isEqualTo(instance);
        InvalidRequestException tooLong = catchThrowableOfType(InvalidRequestException.class, () -> connect.deleteInstance(r -> r
                .instanceId(instance).clientToken("t".repeat(501))));
        assertThat(tooLong).as("a ClientToken over 500 characters").isNotNull();
    }
}
