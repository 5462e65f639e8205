package dev.connecttasks.junit;

import java.net.URI;

/**
 * Where a test's server listens, and what any client (the AWS CLI, boto3, another SDK) needs to
 * reach it: the server accepts any signature, so the keys are placeholders a client must still send.
 */
public record ConnectTasksEndpoint(URI uri, String region, String accessKeyId, String secretAccessKey) {

    public int port() {
        return uri.getPort();
    }
}
