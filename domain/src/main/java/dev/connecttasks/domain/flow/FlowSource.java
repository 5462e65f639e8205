package dev.connecttasks.domain.flow;

/** Which request member a task's flow was resolved from. */
public enum FlowSource { CONTACT_FLOW, QUICK_CONNECT, TASK_TEMPLATE }
