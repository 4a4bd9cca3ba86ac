package ai.specora.client.platform;

import java.util.List;

/**
 * The model preferences, globally or for one workflow type ({@code getPreferences}).
 *
 * @param preferences the preferences, in slot order as the server sent them
 */
public record PreferencesResult(List<ModelPreference> preferences) {

	/**
	 * Copies the list.
	 * @param preferences the preferences, or {@code null}
	 */
	public PreferencesResult {
		preferences = (preferences != null) ? List.copyOf(preferences) : List.of();
	}

}
