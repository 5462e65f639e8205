package dev.connecttasks.domain.template;

public enum TemplateStatus { ACTIVE, INACTIVE }
