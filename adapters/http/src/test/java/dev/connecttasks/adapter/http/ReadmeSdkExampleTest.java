package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;

/** The README's AWS SDK example, verbatim between the markers, against a server on a free port. */
class ReadmeSdkExampleTest {

    @Test
    void theReadmeExampleRuns() throws Exception {
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0))) {
            String endpoint = server.endpoint();
            // README example begins
            ConnectClient connect = ConnectClient.builder()
                    .endpointOverride(URI.create(endpoint))              // e.g. http://127.0.0.1:8080
                    .region(Region.US_EAST_1)                             // any region
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
            String instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED")
                    .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
            String flow = connect.createContactFlow(r -> r.instanceId(instance).name("Tasks")
                    .type(ContactFlowType.CONTACT_FLOW).content("{}")).contactFlowId();
            String first = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow)
                    .name("Call back customer").attributes(Map.of("customer", "c-42"))).contactId();
            String second = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow)
                    .name("Send the refund").previousContactId(first)).contactId();
            Map<String, String> shared = connect.getContactAttributes(r -> r.instanceId(instance)
                    .initialContactId(second)).attributes();                        // {customer=c-42}
            // README example ends
            assertThat(shared).isEqualTo(Map.of("customer", "c-42"));
            connect.close();
        }
    }
}
