package ai.specora.localauthority;

import java.util.List;

/**
 * The deterministic completion of a proxied call: an echo of the last user message
 * (or of the last message when no message has the role {@code user}), with token
 * counts of one token per four characters (at least one per message) and a cost of
 * {@value #INPUT_MICROS_PER_TOKEN} micro-USD per input token and
 * {@value #OUTPUT_MICROS_PER_TOKEN} per output token. A {@code max_tokens} below the
 * echo's length cuts it, with {@code finish_reason} {@code length}.
 *
 * @param content the completion
 * @param finishReason {@code stop} or {@code length}
 * @param inputTokens the input tokens
 * @param outputTokens the output tokens
 * @param costMicros the cost in micro-USD
 */
record CannedCompletion(String content, String finishReason, long inputTokens, long outputTokens, long costMicros) {

	static final long INPUT_MICROS_PER_TOKEN = 3;

	static final long OUTPUT_MICROS_PER_TOKEN = 15;

	private static final int CHARACTERS_PER_TOKEN = 4;

	static CannedCompletion of(String provider, String model, List<PlatformRequests.Message> messages,
			Long maxTokens) {
		long input = 0;
		PlatformRequests.Message echoed = messages.get(messages.size() - 1);
		for (PlatformRequests.Message message : messages) {
			input += tokens(message.content());
			if ("user".equals(message.role())) {
				echoed = message;
			}
		}
		String content = "Echo from the Specora local authority (" + provider + "/" + model + "): "
				+ echoed.content();
		long output = tokens(content);
		String finishReason = "stop";
		if (maxTokens != null && output > maxTokens) {
			long keep = Math.min(content.codePointCount(0, content.length()), maxTokens * CHARACTERS_PER_TOKEN);
			content = content.substring(0, content.offsetByCodePoints(0, (int) keep));
			output = maxTokens;
			finishReason = "length";
		}
		return new CannedCompletion(content, finishReason, input, output,
				input * INPUT_MICROS_PER_TOKEN + output * OUTPUT_MICROS_PER_TOKEN);
	}

	static long tokens(String text) {
		int characters = text.codePointCount(0, text.length());
		return Math.max(1, (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN);
	}

}
