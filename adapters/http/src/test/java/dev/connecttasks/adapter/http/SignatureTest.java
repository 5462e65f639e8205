package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.ConnectTasks;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

    private static final String KEY = "AKIDTEST";
    private static final String SECRET = "s3cret/with+chars";
    private static final List<String> ALL = List.of("content-type", "host", "x-amz-content-sha256", "x-amz-date");
    private static final String GOOD_BODY = "{\"InstanceAlias\":\"signed\"}";
    private static final String FORGED_BODY = "{\"InstanceAlias\":\"forged\"}";

    /** An attack, and what the server must answer it with: 403, this error type, a message containing this. */
    private record Attack(String what, HttpRequest request, String errorType, String message) {
    }

    @Test
    void everyAttackOnTheSignatureIsRefusedAndChangesNothing() throws Exception {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        RawSigner signer = new RawSigner(KEY, SECRET);
        HttpClient http = HttpClient.newHttpClient();
        var service = ConnectTasks.inMemory();
        try (HttpConnectServer server = HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0),
                o -> o.credentials(KEY + ":" + SECRET).signatureClock(Clock.fixed(now, ZoneOffset.UTC)))) {
            String endpoint = server.endpoint();
            HttpResponse<String> valid = http.send(signer.put(endpoint, "/instance", GOOD_BODY, now, ALL, true)
                    .PUT(HttpRequest.BodyPublishers.ofString(GOOD_BODY)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(valid.statusCode()).as("the test's own signature is valid: %s", valid.body()).isEqualTo(200);

            List<Attack> attacks = List.of(
                    new Attack("another body under the signed hash of the first",
                            signer.put(endpoint, "/instance", GOOD_BODY, now, ALL, true).PUT(HttpRequest.BodyPublishers.ofString(FORGED_BODY)).build(),
                            "InvalidSignatureException", "does not match the SHA-256 of the body"),
                    new Attack("another body with the first body's hash in an unsigned header",
                            signer.put(endpoint, "/instance", GOOD_BODY, now, List.of("content-type", "host", "x-amz-date"), true)
                                    .PUT(HttpRequest.BodyPublishers.ofString(FORGED_BODY)).build(),
                            "IncompleteSignatureException", "X-Amz-Content-Sha256 is sent but not signed"),
                    new Attack("another body and no hash header",
                            signer.put(endpoint, "/instance", GOOD_BODY, now, List.of("content-type", "host", "x-amz-date"), false)
                                    .PUT(HttpRequest.BodyPublishers.ofString(FORGED_BODY)).build(),
                            "InvalidSignatureException", "signature we calculated does not match"),
                    new Attack("UNSIGNED-PAYLOAD", withHeader(signer, endpoint, now, ALL, "X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD"),
                            "InvalidSignatureException", "UNSIGNED-PAYLOAD is not accepted"),
                    new Attack("signed 20 minutes ago", signed(signer, endpoint, now.minus(Duration.ofMinutes(20))),
                            "InvalidSignatureException", "Signature expired"),
                    new Attack("signed 2 days ago", signed(signer, endpoint, now.minus(Duration.ofDays(2))), "InvalidSignatureException",
                            "Signature expired"),
                    new Attack("signed 400 days ago", signed(signer, endpoint, now.minus(Duration.ofDays(400))), "InvalidSignatureException",
                            "Signature expired"),
                    new Attack("signed 10 years ahead", signed(signer, endpoint, now.plus(Duration.ofDays(3653))), "InvalidSignatureException",
                            "Signature not yet current"),
                    new Attack("host not signed", signer.put(endpoint, "/instance", FORGED_BODY, now, List.of("content-type", "x-amz-content-sha256",
                            "x-amz-date"), true).PUT(HttpRequest.BodyPublishers.ofString(FORGED_BODY)).build(), "IncompleteSignatureException",
                            "must include host"),
                    new Attack("a second Authorization header", withHeader(signer, endpoint, now, ALL, "Authorization",
                            "AWS4-HMAC-SHA256 Credential=AKIDTEST/20260302/us-east-1/connect/aws4_request, SignedHeaders=host, Signature="
                                    + "0".repeat(64)), "IncompleteSignatureException", "2 Authorization headers"));
            for (Attack attack : attacks) {
                HttpResponse<String> response = http.send(attack.request(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(attack.what()).isEqualTo(403);
                assertThat(response.headers().firstValue("X-Amzn-ErrorType")).as(attack.what()).hasValue(attack.errorType());
                assertThat(response.body()).as(attack.what()).contains(attack.message());
            }
            assertThat(service.listInstances()).as("only the valid request created an instance")
                    .extracting(i -> i.instanceAlias().orElseThrow()).containsExactly("signed");
        }
    }

    private static HttpRequest signed(RawSigner signer, String endpoint, Instant at) {
        return signer.put(endpoint, "/instance", FORGED_BODY, at, ALL, true).PUT(HttpRequest.BodyPublishers.ofString(FORGED_BODY)).build();
    }

    private static HttpRequest withHeader(RawSigner signer, String endpoint, Instant at, List<String> signedHeaders, String name, String value) {
        return signer.put(endpoint, "/instance", FORGED_BODY, at, signedHeaders, !name.equals("X-Amz-Content-Sha256")).header(name, value)
                .PUT(HttpRequest.BodyPublishers.ofString(FORGED_BODY)).build();
    }
}
