package ai.specora.client.platform;

/**
 * The tokens an LLM call used.
 *
 * @param inputTokens the input tokens
 * @param outputTokens the output tokens
 */
public record TokenUsage(long inputTokens, long outputTokens) {
}
