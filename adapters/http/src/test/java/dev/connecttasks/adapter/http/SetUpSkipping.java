package dev.connecttasks.adapter.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * An endpoint's client for the conformance run: a set-up operation (instances, flows, quick
 * connects, templates) that the endpoint does not serve or lets this account use skips the test
 * instead of failing it, since a difference there says nothing about task contacts.
 */
final class SetUpSkipping {

    private static final Set<String> SET_UP = Set.of("createInstance", "deleteInstance", "createContactFlow", "updateContactFlowContent",
            "updateContactFlowMetadata", "deleteContactFlow", "createQuickConnect", "updateQuickConnectConfig", "deleteQuickConnect",
            "createTaskTemplate", "updateTaskTemplate", "deleteTaskTemplate");
    /** Answers that mean "not here", not "refused as the rules say". */
    private static final Set<String> ABSENT = Set.of("UnknownOperationException", "AccessDeniedException", "UnsupportedOperationException",
            "UnrecognizedClientException", "NotImplemented");

    private SetUpSkipping() {
    }

    static ConnectClient wrap(ConnectClient client) {
        return (ConnectClient) Proxy.newProxyInstance(ConnectClient.class.getClassLoader(), new Class<?>[] {ConnectClient.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        Throwable cause = e.getCause();
                        if (SET_UP.contains(method.getName()) && cause instanceof AwsServiceException service && absent(service)) {
                            throw new TestAbortedException("the endpoint lacks " + method.getName() + ": " + service.statusCode() + " "
                                    + service.awsErrorDetails().errorCode(), cause);
                        }
                        throw cause;
                    }
                });
    }

    private static boolean absent(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 501 || e.statusCode() == 403 || code != null && ABSENT.contains(code);
    }
}
