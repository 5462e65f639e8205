package dev.connecttasks.domain.request;

import java.util.Objects;
import java.util.Optional;

/** TransferContact's request: to a queue (QueueId) or an agent (UserId), or neither, through ContactFlowId. */
public record TransferContactRequest(Optional<String> instanceId, Optional<String> contactId, Optional<String> contactFlowId,
                                     Optional<String> queueId, Optional<String> userId, Optional<String> clientToken) {

    public TransferContactRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(contactFlowId);
        Objects.requireNonNull(queueId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(clientToken);
    }

    /** {@code null} means "not given". */
    public static TransferContactRequest of(String instanceId, String contactId, String contactFlowId, String queueId, String userId,
                                            String clientToken) {
        return new TransferContactRequest(Optional.ofNullable(instanceId), Optional.ofNullable(contactId), Optional.ofNullable(contactFlowId),
                Optional.ofNullable(queueId), Optional.ofNullable(userId), Optional.ofNullable(clientToken));
    }
}
