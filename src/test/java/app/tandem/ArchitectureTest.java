package app.tandem;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The layering rules of docs/architecture.md, held by the build: when the two disagree, this test is right. */
@AnalyzeClasses(packages = "app.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainCodeHasNoJavaFx = noClasses()
            .that().resideOutsideOfPackages("app.tandem.ui..", "app.tandem.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("domain code must be testable without a screen");

    @ArchTest
    static final ArchRule domainCodeDoesNotKnowTheUi = noClasses()
            .that().resideOutsideOfPackages("app.tandem.ui..", "app.tandem.app..")
            .should().dependOnClassesThat().resideInAPackage("app.tandem.ui..")
            .because("domain code hands the UI data (ids, enums, records); the UI's bundles turn them into words");

    @ArchTest
    static final ArchRule onlyStoreWritesSql = noClasses()
            .that().resideOutsideOfPackage("app.tandem.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("store is the only package that writes SQL");

    @ArchTest
    static final ArchRule domainDoesNotKnowTheStore = noClasses()
            .that().resideInAnyPackage("app.tandem.conversation..", "app.tandem.customer..", "app.tandem.kb..",
                    "app.tandem.assist..", "app.tandem.security..", "app.tandem.channel..", "app.tandem.ui..",
                    "app.tandem.backup..")
            .should().dependOnClassesThat().resideInAPackage("app.tandem.store..")
            .because("services take repository interfaces; only the composition root picks the JDBC ones");

    @ArchTest
    static final ArchRule nothingBelowTheUiKnowsTheApp = noClasses()
            .that().resideOutsideOfPackage("app.tandem.app..")
            .should().dependOnClassesThat().resideInAPackage("app.tandem.app..")
            .because("app is the composition root: it uses everything and nothing uses it");

    @ArchTest
    static final ArchRule modelRuntimesStayInsideMlAndNlp = noClasses()
            .that().resideOutsideOfPackages("app.tandem.ml..", "app.tandem.nlp..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..")
            .because("the rest of Tandem sees plain Java (float[], records), never NDArray or Model");

    @ArchTest
    static final ArchRule onnxRuntimeOnlyInTheBenchmark = noClasses()
            .that().resideOutsideOfPackage("app.tandem.ml.bench..")
            .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
            .because("ONNX Runtime is the benchmark's reference, not a second inference path");

    @ArchTest
    static final ArchRule tesseractOnlyBehindTheImageReader = noClasses()
            .that().resideOutsideOfPackage("app.tandem.channel.image..")
            .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
            .because("one package owns the native OCR engine and its threads; the rest gets the read text as a String");

    @ArchTest
    static final ArchRule nlpSpeaksPlainJava = methods()
            .that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("app.tandem.nlp..")
            .and().areDeclaredInClassesThat().arePublic()
            .should().haveRawReturnType(DescribedPredicate.describe("no DJL type",
                    (JavaClass c) -> !c.getPackageName().startsWith("ai.djl")))
            .because("nlp is the plain-Java face of the models");

    @ArchTest
    static final ArchRule noStandardStreamsOutsideTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("app.tandem.app.cli..", "app.tandem.ml.bench..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the app logs with slf4j; only commands print");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("app.tandem.(**)")
            .should().beFreeOfCycles()
            .because("a package can be read, tested and changed from the ones below it; a cycle makes two packages one");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("app.tandem.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle can run through sub-packages (nlp.intent → security → nlp.entities): "
                    + "the features, sub-packages included, point one way too");

    @ArchTest
    static final ArchRule privacyStandsBelowEverything = noClasses()
            .that().resideInAPackage("app.tandem.privacy..")
            .should().dependOnClassesThat(resideInAPackage("app.tandem..").and(resideOutsideOfPackage("app.tandem.privacy..")))
            .because("nlp, security, kb and the logs all mask personal data with it, so it can know none of them");

    @ArchTest
    static final ArchRule luceneOnlyInTheKnowledgeBase = noClasses()
            .that().resideOutsideOfPackage("app.tandem.kb..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
            .because("kb owns the index and its analysers; the rest asks kb in plain Java (VectorGraph, KbTerms)");

    @ArchTest
    static final ArchRule productCodeDoesNotUseTheMeasurements = noClasses()
            .that().resideInAPackage("app.tandem..")
            .and().resideOutsideOfPackages("app.tandem.app..", "app.tandem.eval..", "app.tandem.ml.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("app.tandem.eval..", "app.tandem.ml.bench..")
            .because("eval and bench measure the product from outside; only the commands (app, app.cli) run them");

    @ArchTest
    static final ArchRule theWebServerOnlyInTheWebPackage = noClasses()
            .that().resideOutsideOfPackage("app.tandem.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
            .because("web is the customers' HTTP edge; the rest hands it a ConversationService and knows no server");

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
}
