package dev.connecttasks.domain.template;

/** A task template's Status: only an ACTIVE template can start a task (TEMPLATE_INACTIVE otherwise). */
public enum TemplateStatus { ACTIVE, INACTIVE }
