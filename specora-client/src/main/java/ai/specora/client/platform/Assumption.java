package ai.specora.client.platform;

/**
 * One assumption of a change, to validate.
 *
 * @param id the assumption's id
 * @param description what is assumed, e.g. {@code No breaking changes}
 * @param impactLevel how serious it is if the assumption is wrong
 */
public record Assumption(String id, String description, Severity impactLevel) {

	/**
	 * Checks the assumption.
	 * @param id the id
	 * @param description what is assumed
	 * @param impactLevel the impact level
	 */
	public Assumption {
		Requests.requireText(id, "assumption id");
		if (description == null) {
			throw new IllegalArgumentException("assumption description must not be null");
		}
		Requests.requireKnown(impactLevel, "impactLevel");
	}

}
