package ai.specora.langchain4j.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link SpecoraLangChain4jConfigurationException}, naming the property to
 * set.
 */
class SpecoraLangChain4jConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<SpecoraLangChain4jConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SpecoraLangChain4jConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
