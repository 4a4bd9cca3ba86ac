package ai.specora.runtime;

import java.util.Locale;

/**
 * Whether decisions are applied or only recorded.
 */
public enum GovernanceMode {

	/**
	 * Decisions are applied: a block or a suspension stops the call, and no decision
	 * under a closed fail mode stops it too.
	 */
	ENFORCE,

	/**
	 * Decisions are asked, completed, metered and observed as usual, but the call always
	 * runs: a block or a suspension is logged at WARN with its journal id, and no
	 * decision runs the call ungoverned (counted as fail-open). For rolling governance
	 * out before it may stop production calls.
	 */
	SHADOW;

	private final String value = name().toLowerCase(Locale.ROOT);

	/**
	 * The mode as a tag value: {@code enforce} or {@code shadow}.
	 * @return the lowercase name
	 */
	public String value() {
		return this.value;
	}

}
