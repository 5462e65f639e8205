package dev.connecttasks.domain.rules;

/** The outcome of the StartTaskContact rules when nothing refused the request. */
public sealed interface StartTaskDecision permits StartTaskDecision.Replay, StartTaskDecision.Create {

    /** A live ClientToken with the same request: answer its contact again, change nothing. */
    record Replay(String contactId) implements StartTaskDecision {
    }

    /** Every rule passed: create the task once a ContactId is drawn. */
    record Create(TaskDraft draft) implements StartTaskDecision {
    }
}
