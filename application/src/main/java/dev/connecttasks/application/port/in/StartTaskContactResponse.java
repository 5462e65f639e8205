package dev.connecttasks.application.port.in;

/** StartTaskContact's response: the new (or, for a retried ClientToken, the earlier) ContactId. */
public record StartTaskContactResponse(String contactId) {
}
