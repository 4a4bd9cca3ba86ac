package ai.specora.langchain4j;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the LangChain4j module's main code: no package cycles, and only the public
 * API of the modules it builds on.
 */
@AnalyzeClasses(packages = "ai.specora.langchain4j", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** Every package is a slice of its own, so a package and its sub-package count apart. */
	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("ai.specora.(**)").should().beFreeOfCycles();

	/**
	 * Another module's {@code …internal} packages and package-private types are not API.
	 * The compiler refuses most uses of a package-private type already; nothing refuses
	 * the use of a public type of an {@code …internal} package but this rule.
	 */
	@ArchTest
	static final ArchRule onlyPublicApiOfOtherModules = noClasses().that()
		.resideInAPackage("ai.specora.langchain4j..")
		.should()
		.dependOnClassesThat(resideInAPackage("ai.specora..")
			.and(resideOutsideOfPackage("ai.specora.langchain4j.."))
			.and(resideInAPackage("..internal..").or(notPublic())))
		.as("no class of specora-langchain4j should use an ...internal package or a package-private type of another "
				+ "module");

	private static DescribedPredicate<JavaClass> notPublic() {
		return DescribedPredicate.not(modifier(PUBLIC))
			.as("are not public")
			.forSubtype();
	}

}
