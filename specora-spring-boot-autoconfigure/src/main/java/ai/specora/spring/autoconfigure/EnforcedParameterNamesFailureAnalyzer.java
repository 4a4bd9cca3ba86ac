package ai.specora.spring.autoconfigure;

import ai.specora.spring.enforcement.EnforcedParameterNamesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link EnforcedParameterNamesException}: an {@code @Enforced} expression
 * names a parameter of a class compiled without parameter names.
 */
final class EnforcedParameterNamesFailureAnalyzer extends AbstractFailureAnalyzer<EnforcedParameterNamesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EnforcedParameterNamesException cause) {
		String description = "The expression of '" + cause.getAttribute() + "' of @Enforced on "
				+ cause.getTargetClass().getName() + "." + cause.getMethod().getName() + " refers to the parameter #"
				+ cause.getVariable() + ", but " + cause.getMethod().getDeclaringClass().getName()
				+ " was compiled without parameter names.";
		String action = "Compile with the '-parameters' flag: with Maven, set <parameters>true</parameters> in the "
				+ "maven-compiler-plugin configuration (the Spring Boot parent does); with Gradle, add "
				+ "options.compilerArgs << '-parameters' to the JavaCompile tasks. Or refer to the parameter by "
				+ "position, as #p0 or #a0.";
		return new FailureAnalysis(description, action, cause);
	}

}
