package ai.specora.localauthority;

/**
 * Counts the runtime decisions and derives the {@code risk/score} answer from the
 * share of blocks and suspensions. Not thread-safe: guarded by the
 * {@link AuthorityEngine}'s lock.
 */
final class DecisionCounts {

	private long decisions;

	private long blocks;

	private long suspensions;

	/** Counts one decision: {@code allow}, {@code block} or {@code suspend}. */
	void count(String decision) {
		this.decisions++;
		if ("block".equals(decision)) {
			this.blocks++;
		}
		else if ("suspend".equals(decision)) {
			this.suspensions++;
		}
	}

	/** The risk score of the decisions counted so far. */
	Wire.RiskScore riskScore() {
		double blockRatio = (this.decisions > 0) ? (double) this.blocks / this.decisions : 0;
		double suspendRatio = (this.decisions > 0) ? (double) this.suspensions / this.decisions : 0;
		String anomaly = (blockRatio >= 0.5) ? "critical" : (blockRatio >= 0.2) ? "elevated" : "normal";
		return new Wire.RiskScore((int) Math.round(blockRatio * 100), 0.0, Math.round(suspendRatio * 100) / 100.0,
				anomaly);
	}

}
