package dev.connecttasks.domain.flow;

/** A flow's ContactFlowState in the API model: only an ACTIVE flow can run a task. */
public enum FlowState { ACTIVE, ARCHIVED }
