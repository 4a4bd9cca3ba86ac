package ai.specora.runtime;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the runtime's main code: no package depends, directly or through others,
 * on a package that depends on it.
 */
@AnalyzeClasses(packages = "ai.specora.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** Every package is a slice of its own, so a package and its sub-package count apart. */
	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("ai.specora.(**)").should().beFreeOfCycles();

}
