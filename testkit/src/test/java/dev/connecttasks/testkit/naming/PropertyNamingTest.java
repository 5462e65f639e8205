package dev.connecttasks.testkit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.property.PropertyFailedError;
import org.junit.jupiter.api.Test;

/** A failing property's report names the test method that ran it, also when it ran inside a lambda. */
class PropertyNamingTest {

    @Test
    void aPropertyRunInsideALambdaIsNamedByItsTestMethod() {
        PropertyFailedError failed = catchThrowableOfType(PropertyFailedError.class, () -> Property.forAll(Gens.integers(0, 10)).tries(5)
                .check(x -> assertThat(x).isNegative()));
        assertThat(failed).hasMessageContaining("PropertyNamingTest#aPropertyRunInsideALambdaIsNamedByItsTestMethod")
                .hasMessageNotContaining("lambda$");
    }

    @Test
    void aPropertyRunFromAHelperIsNamedByTheTestMethodThatCalledIt() {
        PropertyFailedError failed = catchThrowableOfType(PropertyFailedError.class, PropertyNamingTest::failingProperty);
        assertThat(failed).hasMessageContaining("PropertyNamingTest#aPropertyRunFromAHelperIsNamedByTheTestMethodThatCalledIt");
    }

    private static void failingProperty() {
        Property.forAll(Gens.integers(0, 10)).tries(5).check(x -> assertThat(x).isGreaterThan(10));
    }

    @Test
    void aNameGivenIsKept() {
        PropertyFailedError failed = catchThrowableOfType(PropertyFailedError.class, () -> Property.forAll(Gens.integers(0, 10)).tries(5)
                .named("my own name").check(x -> assertThat(x).isNegative()));
        assertThat(failed).hasMessageContaining("my own name");
    }

    @Test
    void withoutATestMethodOnItsThreadARunIsNamedAfterItsFirstCallerOutsideLibraries() throws InterruptedException {
        assertThat(failureOnAThreadOfItsOwn(Helper::failing)).hasMessageContaining("PropertyNamingTest.Helper#failing");
        assertThat(failureOnAThreadOfItsOwn(() -> Property.forAll(Gens.integers(0, 10)).tries(5).check(x -> assertThat(x).isNegative())))
                .as("only a lambda on the thread: the method it was written in")
                .hasMessageContaining("PropertyNamingTest#withoutATestMethodOnItsThreadARunIsNamedAfterItsFirstCallerOutsideLibraries")
                .hasMessageNotContaining("lambda$");
    }

    /** Not a test: a named caller in a nested class. */
    static final class Helper {
        static void failing() {
            Property.forAll(Gens.integers(0, 10)).tries(5).check(x -> assertThat(x).isNegative());
        }
    }

    private static PropertyFailedError failureOnAThreadOfItsOwn(Runnable run) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<PropertyFailedError> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> failure.set(catchThrowableOfType(PropertyFailedError.class, run::run)));
        thread.start();
        thread.join();
        return failure.get();
    }
}
