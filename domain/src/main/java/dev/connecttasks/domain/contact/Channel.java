package dev.connecttasks.domain.contact;

/** A contact's channel; this library creates TASK contacts and records the others so tasks can link to them. */
public enum Channel { VOICE, CHAT, TASK, EMAIL }
