package dev.connecttasks.adapter.http;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

/** The real AWS SDK for Java v2 client, pointed at a local server: endpoint override, any region, dummy keys, no retries. */
public final class SdkClients {

    private SdkClients() {
    }

    public static ConnectClient connect(String endpoint) {
        return ConnectClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
