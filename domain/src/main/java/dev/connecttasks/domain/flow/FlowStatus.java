package dev.connecttasks.domain.flow;

public enum FlowStatus { PUBLISHED, SAVED }
