package dev.connecttasks.domain.flow;

public enum FlowState { ACTIVE, ARCHIVED }
