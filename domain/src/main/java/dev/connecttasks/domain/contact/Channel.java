package dev.connecttasks.domain.contact;

public enum Channel { VOICE, CHAT, TASK, EMAIL }
