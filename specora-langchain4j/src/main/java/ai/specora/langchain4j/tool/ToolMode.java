package ai.specora.langchain4j.tool;

import ai.specora.runtime.GovernanceMode;

/**
 * Whether a tool's decisions are applied or only recorded.
 */
public enum ToolMode {

	/**
	 * The application's mode ({@code specora.mode}, enforce unless set).
	 */
	INHERIT,

	/**
	 * Decisions are applied.
	 */
	ENFORCE,

	/**
	 * Decisions are recorded and the tool runs whatever they say.
	 */
	SHADOW;

	/**
	 * The effective mode.
	 * @param inherited the application's mode
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
