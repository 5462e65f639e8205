package dev.connecttasks.domain.contact;

/** A contact's state at an instant: open (a scheduled task is open too) or ended. */
public enum ContactState { OPEN, ENDED }
