package dev.connecttasks.application.port.in;

/** StartOutboundVoiceContact's response: the new (or, for a retried ClientToken, the earlier) ContactId. */
public record StartOutboundVoiceContactResponse(String contactId) {
}
