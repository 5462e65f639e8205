package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.ConnectTasks;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

/** With credentials configured, only requests signed with them (SigV4, any region) are served; the rest get 403 and change nothing. */
class SignatureTest {

    private static ConnectClient client(String endpoint, String accessKey, String secretKey, Region region) {
        return ConnectClient.builder().endpointOverride(URI.create(endpoint)).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void onlyCorrectlySignedRequestsAreServed() throws Exception {
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0),
                o -> o.credentials("AKIDTEST:s3cret/with+chars"));
             ConnectClient good = client(server.endpoint(), "AKIDTEST", "s3cret/with+chars", Region.AP_SOUTHEAST_2);
             ConnectClient wrongSecret = client(server.endpoint(), "AKIDTEST", "not-the-secret", Region.US_EAST_1);
             ConnectClient wrongKey = client(server.endpoint(), "AKIDOTHER", "s3cret/with+chars", Region.US_EAST_1)) {
            String instance = good.createInstance(r -> r.instanceAlias("signed").identityManagementType("CONNECT_MANAGED")
                    .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
            assertThat(good.describeInstance(r -> r.instanceId(instance)).instance().instanceAlias()).isEqualTo("signed");
            assertThat(good.listInstances(r -> r.maxResults(10)).instanceSummaryList()).hasSize(1);

            assertThatThrownBy(() -> wrongSecret.createInstance(r -> r.instanceAlias("forged").identityManagementType("CONNECT_MANAGED")
                    .inboundCallsEnabled(true).outboundCallsEnabled(true)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
            assertThatThrownBy(() -> wrongKey.listInstances(r -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));

            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/instance"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"InstanceAlias\":\"unsigned\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.headers().firstValue("X-Amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");

            assertThat(good.listInstances(r -> { }).instanceSummaryList()).as("the refused requests created nothing")
                    .extracting(s -> s.instanceAlias()).containsExactly("signed");
        }
    }
}
