package ai.specora.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the client's public surface, checked on its main classes: no package
 * cycle, the internal package below the others, and no Jackson or Reactor Netty type in
 * what applications can call.
 */
@AnalyzeClasses(packages = "ai.specora.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTests {

	/** Types of libraries that the public API must not expose: they may change under it. */
	private static final List<String> HIDDEN_LIBRARIES = List.of("tools.jackson.", "com.fasterxml.", "reactor.netty.",
			"io.netty.");

	private static final Set<JavaModifier> VISIBLE = Set.of(JavaModifier.PUBLIC, JavaModifier.PROTECTED);

	/** Every package is a slice, the client's own package included. */
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("(**)")
		.namingSlices("$1")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule internalPackageUsesNoOtherPackageOfTheClient = noClasses().that()
		.resideInAPackage("ai.specora.client.internal..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("ai.specora.client", "ai.specora.client.platform..", "ai.specora.client.webhook..");

	@ArchTest
	static final ArchRule publicSignaturesExposeNoJacksonNorReactorNetty = classes().that(areReachableByApplications())
		.and()
		.resideOutsideOfPackage("..internal..")
		.should(exposeNoTypeOf(HIDDEN_LIBRARIES));

	/**
	 * Public, and nested in public types only: a public record nested in a
	 * package-private holder is not reachable.
	 */
	private static DescribedPredicate<JavaClass> areReachableByApplications() {
		return DescribedPredicate.describe("are reachable by applications", (type) -> {
			for (JavaClass candidate = type; candidate != null; candidate = candidate.getEnclosingClass().orElse(null)) {
				if (!candidate.getModifiers().contains(JavaModifier.PUBLIC)) {
					return false;
				}
			}
			return true;
		});
	}

	private static ArchCondition<JavaClass> exposeNoTypeOf(List<String> prefixes) {
		return new ArchCondition<>("expose no type of " + prefixes + " in a public or protected signature") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				Stream.concat(type.getCodeUnits().stream(), type.getFields().stream())
					.filter((member) -> !member.getModifiers().contains(JavaModifier.SYNTHETIC))
					.filter((member) -> member.getModifiers().stream().anyMatch(VISIBLE::contains))
					.forEach((member) -> signatureTypes(member).stream()
						.filter((used) -> prefixes.stream().anyMatch(used.getName()::startsWith))
						.forEach((used) -> events.add(SimpleConditionEvent.violated(member,
								member.getFullName() + " exposes " + used.getName()))));
			}

		};
	}

	private static List<JavaClass> signatureTypes(JavaMember member) {
		List<JavaClass> types = new ArrayList<>();
		if (member instanceof JavaField field) {
			types.addAll(field.getType().getAllInvolvedRawTypes());
		}
		else if (member instanceof JavaCodeUnit codeUnit) {
			types.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
			codeUnit.getParameterTypes().forEach((parameter) -> types.addAll(parameter.getAllInvolvedRawTypes()));
			types.addAll(codeUnit.getThrowsClause().getTypes());
			codeUnit.getTypeParameters()
				.forEach((parameter) -> parameter.getBounds()
					.forEach((bound) -> types.addAll(bound.getAllInvolvedRawTypes())));
		}
		return types;
	}

}
