package com.cogov.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of docs/architecture.md, for the business core. A feature is a package under com.cogov.api; it shows
 * the others one entry (a *Service or *Operations) with its value types (records, enums), its named exceptions and
 * events, and nothing else. Which feature
 * may use which is stated here, so that a new edge is a reviewed change to this table.
 */
class ArchitectureTest {

    private static final String CORE = "com.cogov.api";
    /**
     * Not features: the few truly common pieces (paging is the one way every list pages, idempotency the one way a
     * write is made safe to retry, docs/platform.md), and the HTTP glue both apps share (which may call feature
     * entries).
     */
    private static final Set<String> COMMON = Set.of("shared", "paging", "idempotency", "web");
    /** feature -> the features it may call (besides shared). A feature missing here fails the build. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("alert", Set.of("audit", "export", "job", "notify", "pharmacy", "privacy", "statistics")),
            Map.entry("account", Set.of("audit", "pharmacy", "privacy", "throttle")),
            Map.entry("audit", Set.of()),
            Map.entry("buyer", Set.of("audit", "privacy")),
            Map.entry("calendar", Set.of("audit")), // loading a year's notice is a change, and audited
            // complaints: deadlines on the calendar, attachments as files, the target pharmacy's district, sealed
            // complainants, filers and districts told, the deadline watch on one node
            // ... and their text and images through the content check, re-checked on one node while WeChat is down
            Map.entry(
                    "complaint",
                    Set.of(
                            "audit",
                            "calendar",
                            "contentcheck",
                            "export",
                            "file",
                            "job",
                            "notify",
                            "pharmacy",
                            "privacy",
                            "throttle")),
            // WeChat wants the writer's openid (account); images go as signed links to files; resends on one node
            Map.entry("contentcheck", Set.of("account", "file", "job")),
            // every change of the catalog is audited; drugs are found by name, generic name or maker (search) with
            // their keys rebuilt on one node (job); pharmacies that reported an unknown barcode are told how it was
            // handled (notify)
            Map.entry("catalog", Set.of("audit", "job", "notify", "search")),
            // the platform pieces (docs/platform): ports and helpers every feature may call
            // exports run as jobs, into files, named after the exporter's account; the filter may name a person: the
            // job keeps it sealed
            Map.entry("export", Set.of("account", "audit", "file", "job", "privacy")),
            Map.entry("file", Set.of("job")), // the expiry cleanup runs on one node
            Map.entry("geo", Set.of()),
            // imports run as jobs over uploaded files, audited; each kind writes through the feature that owns the data
            // (pharmacy, catalog) and exports it in the template's layout (export)
            Map.entry("imports", Set.of("audit", "catalog", "export", "file", "job", "pharmacy")),
            Map.entry("search", Set.of()),
            Map.entry("throttle", Set.of()),
            // the public search: trading pharmacies (with their pharmacists), collection points (recycling), the
            // catalog; ordered by the search-text and geo indexes
            Map.entry("publicsearch", Set.of("catalog", "geo", "pharmacy", "recycling", "search")),
            // expired-drug recycling (issue 23): for now only its collection points' table
            Map.entry("recycling", Set.of()),
            // the inspector's phone reads pharmacies (by name: search; nearby: geo), their staff, sales (statistics),
            // alerts and records (registration's record query); photos are files; the pharmacy is told (notify);
            // reminders run on one node (job)
            Map.entry(
                    "inspection",
                    Set.of(
                            "account",
                            "alert",
                            "audit",
                            "file",
                            "geo",
                            "job",
                            "notify",
                            "pharmacy",
                            "registration",
                            "search",
                            "statistics")),
            Map.entry("job", Set.of()),
            // notices: attachments as files, districts and pharmacies (required reading counted per pharmacy), the
            // pharmacies told (notify), scheduled ones announced on one node (job)
            Map.entry("notice", Set.of("audit", "file", "job", "notify", "pharmacy")),
            // the register names the practising pharmacy
            Map.entry("crossborder", Set.of("audit", "pharmacy")),
            Map.entry("notify", Set.of("job")),
            Map.entry("statistics", Set.of("export", "job")),
            // pharmacies keep their search keys and their place in the nearby index current (rebuilt on one node)
            Map.entry("pharmacy", Set.of("audit", "geo", "job", "privacy", "search")),
            Map.entry("privacy", Set.of("audit")),
            // a blocked sale's alert tells the district's inspectors (alert: the notice; notify: the sending)
            Map.entry(
                    "registration",
                    Set.of("alert", "audit", "buyer", "catalog", "export", "notify", "pharmacy", "privacy")));

    /** Past this a class holds more than one use case: split it (architecture.md §4). */
    private static final int MAX_LINES = 350;
    /** Past this a class does too many things: a use case of its own, or a smaller collaborator, is missing. */
    private static final int MAX_DEPENDENCIES = 9;
    /** Micronaut's generated bean definitions and proxies ($Foo$Definition, $Foo$Definition$Intercepted). */
    private static final String GENERATED = ".*\\.\\$.*";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void everyFeatureHasDeclaredEdgesAndUsesNoOtherFeature() {
        classes()
                .that()
                .resideInAPackage(CORE + "..")
                .should(onlyUseAllowedFeatures())
                .check(CLASSES);
    }

    @Test
    void featuresExposeOnlyTheirEntryExceptionsEventsAndValueTypes() {
        classes()
                .that()
                .resideInAPackage(CORE + "..")
                .and()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .and()
                .haveNameNotMatching(".*\\.\\$.*") // Micronaut's generated bean definitions
                .and()
                // job, paging and idempotency are platform helpers (SingleNode, Pages, Idempotency) every feature calls
                .resideOutsideOfPackages(
                        CORE + ".shared..",
                        CORE + ".web..",
                        CORE + ".job..",
                        CORE + ".paging..",
                        CORE + ".idempotency..")
                .and()
                .areNotInterfaces() // ports a feature offers or implements (ExportSource, Notifier, DailyBuyers)
                .and()
                .areNotRecords()
                .and()
                .areNotEnums() // the entry's value types; entities are checked below
                .should()
                .haveSimpleNameEndingWith("Service")
                .orShould()
                .haveSimpleNameEndingWith("Operations")
                .orShould()
                .haveSimpleNameEndingWith("Exception")
                .orShould()
                .haveSimpleNameEndingWith("Event")
                .check(CLASSES);
    }

    @Test
    void entitiesAndRepositoriesStayInsideTheirFeature() {
        classes()
                .that()
                .areAnnotatedWith(MappedEntity.class)
                .or()
                .areAnnotatedWith(JdbcRepository.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void onlyTheWebGlueKnowsHttp() {
        noClasses()
                .that()
                .resideInAPackage(CORE + "..")
                .and()
                .resideOutsideOfPackage(CORE + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.micronaut.http..")
                .check(CLASSES);
    }

    @Test
    void sharedDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(CORE + ".shared..")
                .should()
                .dependOnClassesThat(featureClass())
                .check(CLASSES);
    }

    @Test
    void noClassInTheCoreIsLongerThan350Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            tooLong = sources.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> {
                        try {
                            int lines = Files.readAllLines(p).size();
                            return lines > MAX_LINES ? p + " has " + lines + " lines" : null;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(java.util.Objects::nonNull)
                    .sorted()
                    .toList();
        }
        assertThat(tooLong).as("classes over %d lines", MAX_LINES).isEmpty();
    }

    @Test
    void noConstructorTakesMoreThanNineDependencies() {
        // Records are values: their components are not dependencies.
        constructors()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(CORE + "..")
                .and()
                .areDeclaredInClassesThat()
                .areNotRecords()
                .and()
                .areDeclaredInClassesThat()
                .haveNameNotMatching(GENERATED)
                .should(takeAtMost(MAX_DEPENDENCIES))
                .check(CLASSES);
    }

    @Test
    void noServiceTouchesJavaSql() {
        noClasses()
                .that()
                .resideInAPackage(CORE + "..")
                .and()
                .haveSimpleNameEndingWith("Service")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..")
                .because("SQL and its types belong to a package-private store or query class (style.md)")
                .check(CLASSES);
    }

    @Test
    void rawJdbcClassesArePackagePrivate() {
        classes()
                .that()
                .resideInAPackage(CORE + "..")
                .and()
                .haveNameNotMatching(GENERATED)
                .and(useRawJdbc())
                .should()
                .notBePublic()
                .because("a store or query class is its feature's own; others reach the data through the entry")
                .check(CLASSES);
    }

    /**
     * A record or enum that carries sealed personal values or blind indexes (a component named {@code ...Sealed} or
     * {@code ...Index}, as {@code buyer.VerifiedBuyer}) stays in its feature. Outside it, it is used only where the
     * owning feature's entry hands it over or takes it back (registration gets a VerifiedBuyer from
     * {@code BuyerService.verify}/{@code fromReference} and gives one to {@code BuyerService.view}): by a class that
     * calls that entry, and never kept in a field, so it is not carried further.
     */
    @Test
    void recordsOfSealedPersonalValuesStayInTheirFeature() {
        classes()
                .that()
                .resideInAPackage(CORE + "..")
                .and()
                .haveNameNotMatching(GENERATED)
                .should(useOtherFeaturesSealedValuesOnlyAtTheirEntry())
                .check(CLASSES);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> featureClass() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "belong to a feature",
                c -> feature(c).filter(f -> !COMMON.contains(f)).isPresent());
    }

    private static ArchCondition<JavaClass> onlyUseAllowedFeatures() {
        return new ArchCondition<>("only use the features allowed in ArchitectureTest.ALLOWED") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = feature(item).filter(f -> !COMMON.contains(f));
                if (own.isEmpty()) {
                    return;
                }
                if (!ALLOWED.containsKey(own.get())) {
                    events.add(SimpleConditionEvent.violated(
                            item,
                            "feature '" + own.get()
                                    + "' has no entry in ArchitectureTest.ALLOWED: declare which features it may use"));
                    return;
                }
                item.getDirectDependenciesFromSelf()
                        .forEach(dependency -> feature(dependency.getTargetClass())
                                .filter(target -> !COMMON.contains(target) && !target.equals(own.get()))
                                .filter(target -> !ALLOWED.get(own.get()).contains(target))
                                .ifPresent(target -> events.add(SimpleConditionEvent.violated(
                                        item,
                                        dependency.getDescription() + " crosses from '" + own.get() + "' into '"
                                                + target + "'"))));
            }
        };
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> useRawJdbc() {
        Set<String> raw =
                Set.of(Connection.class.getName(), PreparedStatement.class.getName(), JdbcOperations.class.getName());
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "use java.sql.Connection, PreparedStatement or JdbcOperations",
                c -> c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> raw.contains(d.getTargetClass().getName())));
    }

    private static ArchCondition<JavaConstructor> takeAtMost(int parameters) {
        return new ArchCondition<>("take at most " + parameters + " parameters") {
            @Override
            public void check(JavaConstructor item, ConditionEvents events) {
                int count = item.getRawParameterTypes().size();
                if (count > parameters) {
                    events.add(SimpleConditionEvent.violated(
                            item, item.getFullName() + " takes " + count + " parameters"));
                }
            }
        };
    }

    private static boolean carriesSealedValues(JavaClass c) {
        return (c.isRecord() || c.isEnum())
                && feature(c).isPresent()
                && c.getFields().stream()
                        .filter(f -> !f.getModifiers().contains(JavaModifier.STATIC))
                        .map(JavaField::getName)
                        .anyMatch(n -> n.endsWith("Sealed") || n.endsWith("Index"));
    }

    private static ArchCondition<JavaClass> useOtherFeaturesSealedValuesOnlyAtTheirEntry() {
        return new ArchCondition<>(
                "use another feature's records of sealed values only where its entry hands them over") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = feature(item);
                item.getDirectDependenciesFromSelf().stream()
                        .map(d -> d.getTargetClass().getBaseComponentType())
                        .filter(ArchitectureTest::carriesSealedValues)
                        .filter(target -> !feature(target).equals(own))
                        .distinct()
                        .forEach(target -> {
                            String owner = feature(target).orElseThrow();
                            boolean callsEntry = item.getMethodCallsFromSelf().stream()
                                    .map(call -> call.getTargetOwner())
                                    .anyMatch(o ->
                                            feature(o).filter(owner::equals).isPresent()
                                                    && (o.getSimpleName().endsWith("Service")
                                                            || o.getSimpleName().endsWith("Operations")));
                            if (!callsEntry) {
                                events.add(SimpleConditionEvent.violated(
                                        item,
                                        item.getName() + " uses " + target.getName()
                                                + " without getting it from or giving it to the '" + owner
                                                + "' entry"));
                            }
                            item.getFields().stream()
                                    .filter(f -> f.getRawType().equals(target))
                                    .forEach(f -> events.add(SimpleConditionEvent.violated(
                                            item,
                                            f.getFullName() + " keeps " + target.getName()
                                                    + ": keep the sealed values in the feature's own type")));
                        });
            }
        };
    }

    private static Optional<String> feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(CORE + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(CORE.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
