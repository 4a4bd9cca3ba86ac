package ai.specora.client.platform;

import java.util.Objects;

/**
 * The risk metrics of the organisation or tenant ({@code getRiskScore}).
 *
 * @param riskPercentile the risk percentile, 0 to 100
 * @param driftRisk the drift risk
 * @param overrideFrequencyRisk the risk from how often overrides are used
 * @param anomalyStatus the anomaly status ({@link AnomalyStatus#UNKNOWN} for a value
 * this client does not know)
 */
public record RiskScoreResult(double riskPercentile, double driftRisk, double overrideFrequencyRisk,
		AnomalyStatus anomalyStatus) {

	/**
	 * Checks the mandatory components.
	 * @param riskPercentile the percentile
	 * @param driftRisk the drift risk
	 * @param overrideFrequencyRisk the override frequency risk
	 * @param anomalyStatus the anomaly status
	 */
	public RiskScoreResult {
		Objects.requireNonNull(anomalyStatus, "anomalyStatus must not be null");
	}

}
