package ai.specora.spring.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Specora meters and observations ({@code specora.metrics.*}).
 */
@ConfigurationProperties("specora.metrics")
public class SpecoraMetricsProperties {

	/**
	 * Whether governed calls, completions and webhook requests are observed (meters and
	 * traces) when a MeterRegistry or an ObservationRegistry is present.
	 */
	private boolean enabled = true;

	/**
	 * Returns whether Specora observation is on.
	 * @return whether it is on
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether Specora observation is on.
	 * @param enabled whether it is on
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
