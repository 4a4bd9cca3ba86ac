package ai.specora.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link SpecoraConfigurationException}: what is wrong, naming the
 * {@code specora.*} property at fault, and what to change.
 */
class SpecoraConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<SpecoraConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SpecoraConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage() + " (property '" + cause.getProperty() + "')",
				cause.getAction(), cause);
	}

}
