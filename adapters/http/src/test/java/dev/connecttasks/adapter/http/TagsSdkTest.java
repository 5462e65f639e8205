package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** Tags through the SDK: resource ARNs in the path (encoded as the SDK encodes them), tag keys in the query, contacts' tags in DescribeContact. */
class TagsSdkTest extends InMemorySdkTest {


    @Test
    void resourcesAndContactsAreTaggedAndUntagged() {
        var created = connect.createContactFlow(r -> r.instanceId(instance).name("tagged").type(ContactFlowType.CONTACT_FLOW).content("{}")
                .tags(Map.of("team", "billing")));
        String arn = created.contactFlowArn();
        connect.tagResource(r -> r.resourceArn(arn).tags(Map.of("env", "test", "owner", "me")));
        connect.untagResource(r -> r.resourceArn(arn).tagKeys("owner"));
        assertThat(connect.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEqualTo(Map.of("team", "billing", "env", "test"));
        assertThat(connect.describeContactFlow(r -> r.instanceId(instance).contactFlowId(created.contactFlowId())).contactFlow().tags())
                .isEqualTo(Map.of("team", "billing", "env", "test"));
        String instanceArn = connect.describeInstance(r -> r.instanceId(instance)).instance().arn();
        connect.tagResource(r -> r.resourceArn(instanceArn).tags(Map.of("stage", "ci")));
        assertThat(connect.listTagsForResource(r -> r.resourceArn(instanceArn)).tags()).isEqualTo(Map.of("stage", "ci"));

        String contact = connect.startTaskContact(fixture.task().build()).contactId();
        connect.tagContact(r -> r.instanceId(instance).contactId(contact).tags(Map.of("cost-centre", "42", "env", "test")));
        connect.untagContact(r -> r.instanceId(instance).contactId(contact).tagKeys("env"));
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(contact)).contact().tags()).isEqualTo(Map.of("cost-centre", "42"));

        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> connect.tagResource(r -> r.resourceArn(arn)
                .tags(Map.of("aws:reserved", "x")))).awsErrorDetails().rawResponse().asUtf8String()).contains("\"ReasonCode\":\"INVALID_TAG\"");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> connect.listTagsForResource(r -> r.resourceArn(
                "arn:aws:connect:eu-west-1:111111111111:instance/" + instance))).awsErrorDetails().rawResponse().asUtf8String())
                .contains("\"ReasonCode\":\"RESOURCE\"");
    }
}
