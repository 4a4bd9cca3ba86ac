package ai.specora.client.platform;

/**
 * One message of a chat sent through the governed proxy.
 *
 * @param role the role, e.g. {@code system}, {@code user}, {@code assistant}
 * @param content the text
 */
public record ChatMessage(String role, String content) {

	/**
	 * Checks the message.
	 * @param role the role
	 * @param content the text
	 */
	public ChatMessage {
		Requests.requireText(role, "role");
		if (content == null) {
			throw new IllegalArgumentException("content must not be null");
		}
	}

	/**
	 * A system message.
	 * @param content the text
	 * @return the message
	 */
	public static ChatMessage system(String content) {
		return new ChatMessage("system", content);
	}

	/**
	 * A user message.
	 * @param content the text
	 * @return the message
	 */
	public static ChatMessage user(String content) {
		return new ChatMessage("user", content);
	}

	/**
	 * An assistant message.
	 * @param content the text
	 * @return the message
	 */
	public static ChatMessage assistant(String content) {
		return new ChatMessage("assistant", content);
	}

}
