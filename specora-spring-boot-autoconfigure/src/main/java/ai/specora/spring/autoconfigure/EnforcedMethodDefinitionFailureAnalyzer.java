package ai.specora.spring.autoconfigure;

import ai.specora.spring.enforcement.EnforcedMethodDefinitionException;
import ai.specora.spring.enforcement.EnforcedParameterNamesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link EnforcedMethodDefinitionException}: which {@code @Enforced}
 * declaration is wrong and how to correct it. Missing parameter names have their own
 * analyzer, {@link EnforcedParameterNamesFailureAnalyzer}.
 */
final class EnforcedMethodDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<EnforcedMethodDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EnforcedMethodDefinitionException cause) {
		if (cause instanceof EnforcedParameterNamesException) {
			return null;
		}
		return new FailureAnalysis(cause.getMessage(), action(cause), cause);
	}

	private static String action(EnforcedMethodDefinitionException cause) {
		String where = "@Enforced on " + cause.getTargetClass().getName() + "." + cause.getMethod().getName();
		String attribute = (cause.getAttribute() != null) ? "'" + cause.getAttribute() + "'" : "the declaration";
		return switch (cause.getProblem()) {
			case EMPTY_ATTRIBUTE -> "Set " + attribute + " of " + where
					+ ", e.g. scope = \"{'table': 'users'}\" (a SpEL expression giving a non-empty map).";
			case INVALID_EXPRESSION -> "Correct the SpEL expression of " + attribute + " of " + where + ".";
			case UNKNOWN_VARIABLE -> "In " + attribute + " of " + where + ", refer to the method's parameters by "
					+ "name (#name) or position (#p0, #a0), to the call as #root.method, #root.target, #root.args, "
					+ "and to beans as @beanName.";
			case MISSING_PARAMETER_NAMES -> "Compile with the '-parameters' compiler flag, or refer to parameters "
					+ "as #p0/#a0.";
			case INVALID_VALUE -> "Correct " + attribute + " of " + where
					+ " (approvalTimeout takes an ISO-8601 duration such as PT5M, or a number of seconds).";
			case COMPETING_ANNOTATIONS -> "Keep a single @Enforced declaration (direct or through a composed "
					+ "annotation) on " + cause.getMethod().getName() + ", or put the one that applies on the method "
					+ "itself so it overrides the class-level one.";
			case UNSUPPORTED_RETURN_TYPE -> "Return a plain value, void, a CompletionStage/CompletableFuture or a "
					+ "reactive type (Mono, Flux, ...) from " + where
					+ ", or govern the work inside it with SpecoraClient.enforced(...).";
			case NOT_INTERCEPTABLE -> "Make " + cause.getMethod().getName() + " public, non-static and non-final, or govern the "
					+ "work inside it with SpecoraClient.enforced(...).";
		};
	}

}
