package app.tandem.ui.desk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The desk's parts take the services they use, and its view models build no nodes. */
@AnalyzeClasses(packages = "app.tandem.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class DeskPackageTest {

    @ArchTest
    static final ArchRule theDeskDoesNotKnowTheWindowsServices = noClasses()
            .that().resideInAPackage("app.tandem.ui.desk..")
            .should().dependOnClassesThat().haveFullyQualifiedName("app.tandem.ui.DeskServices")
            .because("the window hands each part of the desk the few services it uses (and ui.desk would depend on ui, ui on ui.desk)");

    @ArchTest
    static final ArchRule deskViewModelsBuildNoNodes = noClasses()
            .that().resideInAPackage("app.tandem.ui.desk..").and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view model exposes properties and commands; its view builds the nodes");
}
