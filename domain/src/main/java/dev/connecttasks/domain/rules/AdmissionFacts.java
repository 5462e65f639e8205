package dev.connecttasks.domain.rules;

/** What steps 1-4 of StartTaskContact need: asked before any store transaction opens. */
public interface AdmissionFacts {

    /** Step 1: takes a token from the instance's StartTaskContact bucket; false when it is empty. */
    boolean takeStartTaskToken();

    boolean instanceExists();
}
