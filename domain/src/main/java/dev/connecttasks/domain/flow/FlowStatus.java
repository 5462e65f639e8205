package dev.connecttasks.domain.flow;

/** A flow's Status in the API model: only a PUBLISHED flow can run a task. */
public enum FlowStatus { PUBLISHED, SAVED }
