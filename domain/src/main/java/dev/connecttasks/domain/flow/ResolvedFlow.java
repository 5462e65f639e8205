package dev.connecttasks.domain.flow;

import java.util.Objects;
import java.util.Optional;

/** The one flow a task runs, how it was found, and the template version when a template was used. */
public record ResolvedFlow(String contactFlowId, FlowSource source, String sourceId, Optional<Integer> templateVersion) {
    public ResolvedFlow {
        Objects.requireNonNull(contactFlowId);
        Objects.requireNonNull(source);
        Objects.requireNonNull(sourceId);
        Objects.requireNonNull(templateVersion);
        if (templateVersion.isPresent() != (source == FlowSource.TASK_TEMPLATE)) {
            throw new IllegalArgumentException("a template version goes with, and only with, a TASK_TEMPLATE source");
        }
    }
}
