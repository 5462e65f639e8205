package dev.connecttasks.domain.contact;

/** Why a contact ended: stopped through the API, or its expiry instant passed. */
public enum DisconnectReason { API, EXPIRED }
