package dev.connecttasks.domain.contact;

/** How a contact began; tasks from StartTaskContact are API, recorded contacts say what they were. */
public enum InitiationMethod { INBOUND, OUTBOUND, TRANSFER, CALLBACK, API, QUEUE_TRANSFER, EXTERNAL_OUTBOUND, DISCONNECT }
