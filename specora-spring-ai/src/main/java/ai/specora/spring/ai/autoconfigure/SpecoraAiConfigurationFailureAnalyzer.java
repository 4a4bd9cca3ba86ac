package ai.specora.spring.ai.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link SpecoraAiConfigurationException}, naming the property to set.
 */
class SpecoraAiConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<SpecoraAiConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SpecoraAiConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
