package ai.specora.spring;

import ai.specora.runtime.GovernanceMode;

/**
 * Whether the decisions of an {@link Enforced @Enforced} method (or a governed tool) are
 * applied or only recorded.
 */
public enum EnforcedMode {

	/**
	 * Use the application's mode ({@code specora.mode}, {@code enforce} by default).
	 */
	INHERIT,

	/**
	 * Apply decisions: a block or a suspension stops the call.
	 */
	ENFORCE,

	/**
	 * Record decisions without applying them: the call always runs, a block or a
	 * suspension is logged at WARN with its journal id. See
	 * {@link GovernanceMode#SHADOW}.
	 */
	SHADOW;

	/**
	 * The effective mode.
	 * @param inherited the application's mode, used for {@link #INHERIT}
	 * @return the mode
	 */
	public GovernanceMode orElse(GovernanceMode inherited) {
		return switch (this) {
			case INHERIT -> inherited;
			case ENFORCE -> GovernanceMode.ENFORCE;
			case SHADOW -> GovernanceMode.SHADOW;
		};
	}

}
