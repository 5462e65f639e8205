package dev.connecttasks.testkit.generators;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain of tasks: a root, then tasks each to be linked to the one before it (A ← B ← C, sharing
 * A's attributes). The links are set as the chain is started, since ids exist only then.
 */
public record Chain(StartTaskContactRequest root, List<StartTaskContactRequest> next) {

    public Chain {
        next = List.copyOf(next);
    }

    /** Starts the root and each next task with PreviousContactId set to the one started before; answers the ContactIds in order. */
    public List<String> startOn(ConnectTasksService service) {
        List<String> ids = new ArrayList<>();
        ids.add(service.startTaskContact(root).contactId());
        for (StartTaskContactRequest task : next) {
            ids.add(service.startTaskContact(task.toBuilder().previousContactId(ids.get(ids.size() - 1)).build()).contactId());
        }
        return List.copyOf(ids);
    }
}
