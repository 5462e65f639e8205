package dev.connecttasks.adapter.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** For the tests' JDBC proxies: a call passed on to the real object, throwing what it throws. */
final class Delegation {

    private Delegation() {
    }

    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
