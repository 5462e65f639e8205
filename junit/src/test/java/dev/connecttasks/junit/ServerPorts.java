package dev.connecttasks.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;

/** Whether a test's server still accepts connections. */
final class ServerPorts {

    private ServerPorts() {
    }

    static boolean listening(ConnectTasksEndpoint endpoint) {
        try (Socket socket = new Socket(endpoint.uri().getHost(), endpoint.port())) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
