package dev.connecttasks.testkit.generators;

import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.util.List;

/**
 * A task and the follow-ups a program would start from it: each follow-up is a valid request with no
 * link, for the program to link to the root's ContactId (or not) as its own rules say.
 */
public record FanOut(StartTaskContactRequest root, List<StartTaskContactRequest> followUps) {

    public FanOut {
        followUps = List.copyOf(followUps);
    }

    /** The follow-ups, each with PreviousContactId set to {@code contactId}. */
    public List<StartTaskContactRequest> linkedTo(String contactId) {
        return followUps.stream().map(r -> r.toBuilder().previousContactId(contactId).build()).toList();
    }
}
