package org.rollcall;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The package rules of the developer guide, checked on the main classes (not the tests). */
@AnalyzeClasses(packages = "org.rollcall", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.rollcall.";

    /** No package imports one that imports it back, however long the way round. */
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("org.rollcall.(*)..").namingSlices("$1").should().beFreeOfCycles();

    /** The face engine is a plain library: the CLI and the benchmarks run it without a web server or database. */
    @ArchTest
    static final ArchRule faceUsesNoWebNorDatabase = noClasses()
            .that()
            .resideInAPackage("org.rollcall.face..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.http..",
                    "org.springframework.jdbc..",
                    "org.springframework.data..",
                    "org.springframework.transaction..",
                    "jakarta.servlet..",
                    "java.sql..",
                    "javax.sql..")
            .because("face is a plain-Java library (Spring Boot's Binder and configuration are fine)");

    @ArchTest
    static final ArchRule faceUsesNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("org.rollcall.face..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.rollcall..").and(not(resideInAPackage("org.rollcall.face.."))))
            .because("face is a plain-Java library");

    /** A controller asks its own feature's services; another feature's data is that feature's business. */
    @ArchTest
    static final ArchRule controllersReachOnlyTheirOwnRepositories = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Controller.class)
            .should(reachOnlyRepositoriesOfTheirOwnFeature());

    private static ArchCondition<JavaClass> reachOnlyRepositoriesOfTheirOwnFeature() {
        return new ArchCondition<>("reach no repository of another feature") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                Optional<String> own = feature(controller);
                for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (isRepository(target) && !feature(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isRepository(JavaClass type) {
        return type.isAnnotatedWith(Repository.class) || type.getSimpleName().endsWith("Repository");
    }

    /** "classes" for org.rollcall.classes.ClassRepository; empty outside org.rollcall's feature packages. */
    private static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
