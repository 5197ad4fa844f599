package app.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering rules of ARCHITECTURE.md, checked on the main code. */
class ArchitectureTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.tandem");
    }

    /** Encoder rules: DJL stays in ml/nlp, ONNX Runtime in the benchmark, and nlp's API is plain Java. */
    @Test
    void modelRuntimesStayInsideMlAndNlp() {
        noClasses().that().resideOutsideOfPackages("app.tandem.ml..", "app.tandem.nlp..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .because("the rest of Tandem sees plain Java (float[], records), never NDArray or Model")
                .check(mainClasses);

        noClasses().that().resideOutsideOfPackage("app.tandem.ml.bench..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
                .because("ONNX Runtime is the benchmark's reference, not a second inference path")
                .check(mainClasses);

        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("app.tandem.nlp..")
                .and().areDeclaredInClassesThat().arePublic()
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "no DJL type", (com.tngtech.archunit.core.domain.JavaClass c) ->
                                !c.getPackageName().startsWith("ai.djl")))
                .because("nlp is the plain-Java face of the models")
                .check(mainClasses);
    }
}
