package dev.connecttasks.domain.contact;

/** The reference types a task may be created with (ATTACHMENT and the rest are refused at creation). */
public enum ReferenceType { URL, NUMBER, STRING, DATE, EMAIL }
