package dev.connecttasks.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon. Classes are imported from the classpath by package, jars included: under
 * {@code mvn verify} the sibling modules arrive as jars, and excluding jars would silently drop them.
 */
@AnalyzeClasses(packages = "dev.connecttasks", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainSeesOnlyTheJdkBasicsAndItself = classes().that().resideInAPackage("dev.connecttasks.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.connecttasks.domain..", "java.lang..", "java.util..", "java.time..", "java.math..");

    @ArchTest
    static final ArchRule applicationSeesOnlyTheDomain = classes().that().resideInAPackage("dev.connecttasks.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.connecttasks.application..", "dev.connecttasks.domain..",
                    "java.lang..", "java.util..", "java.time..");

    @ArchTest
    static final ArchRule adaptersNeverSeeEachOther = slices().matching("dev.connecttasks.adapter.(*)..").should().notDependOnEachOther();

    /** Adapters and composition roots take the in-port and build services with the application's builder, never the service classes. */
    @ArchTest
    static final ArchRule adaptersTakeTheInPortNotTheService = noClasses().that()
            .resideInAnyPackage("dev.connecttasks.adapter..", "dev.connecttasks.localserver..", "dev.connecttasks.junit..", "dev.connecttasks")
            .should().dependOnClassesThat().resideInAPackage("dev.connecttasks.application.service..");

    /** The wire adapter has no database in sight: the local server's module wires it to one. */
    @ArchTest
    static final ArchRule httpAdapterSeesNoDatabase = noClasses().that().resideInAPackage("dev.connecttasks.adapter.http..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "dev.connecttasks.adapter.jdbc..",
                    "com.zaxxer..", "org.flywaydb..");

    /** Jetty is how the wire adapter serves HTTP, and nothing else knows it: the server could change again without touching anyone. */
    @ArchTest
    static final ArchRule jettyStaysInsideTheHttpAdapter = noClasses().that().resideOutsideOfPackage("dev.connecttasks.adapter.http..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..");

    /**
     * A JDBC transaction is handed to its decision as an argument: no thread state carries a connection
     * or a lock. The one thread-local is SecureRandomUuids' random generator per thread.
     */
    @ArchTest
    static final ArchRule noThreadLocalInTheJdbcAdapter = noClasses().that().resideInAPackage("dev.connecttasks.adapter.jdbc..")
            .and().doNotHaveSimpleName("SecureRandomUuids")
            .should().dependOnClassesThat().areAssignableTo(ThreadLocal.class);

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.connecttasks.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule outPortsAreInterfaces = classes().that().resideInAPackage("dev.connecttasks.application.port.out")
            .and().areTopLevelClasses().should().beInterfaces();

    @ArchTest
    static final ArchRule adaptersAreNamedAfterTheirTechnology = classes().that().resideInAPackage("dev.connecttasks.adapter.memory")
            .and().arePublic().and().areTopLevelClasses().and().haveSimpleNameNotStartingWith("RandomUuid")
            .should().haveSimpleNameStartingWith("InMemory");

    @ArchTest
    static final ArchRule jdbcAdaptersAreNamedAfterTheirTechnology = classes().that().resideInAPackage("dev.connecttasks.adapter.jdbc")
            .and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleNameStartingWith("Jdbc");

    /** The JDBC adapter speaks plain JDBC: no ORM, and of the outside world only Flyway (migrations) and Jackson (JSON columns). */
    @ArchTest
    static final ArchRule jdbcAdapterUsesPlainJdbc = classes().that().resideInAPackage("dev.connecttasks.adapter.jdbc")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.connecttasks.adapter.jdbc", "dev.connecttasks.application..",
                    "dev.connecttasks.domain..", "java..", "javax.sql..", "org.flywaydb.core..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule httpAdapterIsNamedAfterItsProtocol = classes().that().resideInAPackage("dev.connecttasks.adapter.http")
            .and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleNameStartingWith("Http");

    @ArchTest
    static final ArchRule noClockOrRandomnessInDomainOrApplication = noClasses().that()
            .resideInAnyPackage("dev.connecttasks.domain..", "dev.connecttasks.application..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.util.UUID.class, "randomUUID")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(Math.class, "random")
            .orShould().dependOnClassesThat().belongToAnyOf(java.util.Random.class, java.util.SplittableRandom.class,
                    java.util.concurrent.ThreadLocalRandom.class, java.security.SecureRandom.class);
}
