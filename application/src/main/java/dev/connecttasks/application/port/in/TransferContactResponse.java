package dev.connecttasks.application.port.in;

/** TransferContact's response: the contact the transfer recorded (for a retried ClientToken, the first one's). */
public record TransferContactResponse(String contactId) {
}
