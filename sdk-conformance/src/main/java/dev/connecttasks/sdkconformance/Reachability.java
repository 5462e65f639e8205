package dev.connecttasks.sdkconformance;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * One ListInstances before the run: an endpoint that cannot be reached, or keys that cannot be
 * found, would make every case fail the same way, which says nothing of how the endpoint behaves.
 * Any answer of the service but a refusal of the keys, an AccessDenied for ListInstances included,
 * means the run can go on.
 */
final class Reachability {

    private static final java.util.Set<String> KEYS_REFUSED = java.util.Set.of("UnrecognizedClientException", "InvalidSignatureException",
            "IncompleteSignatureException", "MissingAuthenticationTokenException", "ExpiredTokenException", "InvalidClientTokenId");

    private Reachability() {
    }

    /** Why the endpoint cannot be asked anything, or null when it answered. */
    static String problem(ConformanceOptions options) {
        AwsCredentialsProvider credentials = options.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(options.accessKey().get(), options.secretKey().orElse("")))
                : DefaultCredentialsProvider.builder().build();
        try (ConnectClient client = ConnectClient.builder().endpointOverride(options.endpoint()).region(Region.of(options.region()))
                .credentialsProvider(credentials).build()) {
            client.listInstances(r -> r.maxResults(1));
            return null;
        } catch (AwsServiceException answered) {
            String code = answered.awsErrorDetails() == null ? "" : answered.awsErrorDetails().errorCode();
            return KEYS_REFUSED.contains(code) ? "the endpoint refused the keys: " + code + " " + answered.awsErrorDetails().errorMessage() : null;
        } catch (SdkClientException e) {
            return "cannot ask " + options.endpoint() + " anything: " + e.getMessage();
        }
    }
}
