package dev.connecttasks.application.service;

/** The Java caller's own mistakes, told apart from refusals: a missing argument is no request the service can judge. */
final class Caller {

    private Caller() {
    }

    /** Refuses a null {@code argument} with a NullPointerException that names it; never an InternalServiceException. */
    static void given(Object argument, String name) {
        if (argument == null) {
            throw new NullPointerException(name + " must not be null (a member left out is a null member of the request, not a null request)");
        }
    }
}
