package ai.specora.client.platform;

/**
 * An LLM provider the Platform API routes to.
 * <p>
 * A value this client version does not know (the server is newer) decodes as
 * {@link #UNKNOWN} rather than failing the call.
 */
public enum Provider implements WireEnums.WireEnum {

	/** OpenAI. */
	OPENAI("openai"),

	/** Anthropic. */
	ANTHROPIC("anthropic"),

	/** Google Gemini. */
	GEMINI("gemini"),

	/** DeepSeek. */
	DEEPSEEK("deepseek"),

	/** Alibaba Qwen. */
	QWEN("qwen"),

	/** A self-hosted Ollama server (configured on the Specora server). */
	OLLAMA("ollama"),

	/** A self-hosted vLLM server. */
	VLLM("vllm"),

	/** A value this client version does not know; never sent. */
	UNKNOWN("unknown");

	private final String wireName;

	Provider(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The JSON form of this value.
	 * @return the exact lowercase wire name, e.g. {@code openai}
	 */
	@Override
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Parses a wire name strictly: only the exact lowercase names of the known values.
	 * @param value the wire name
	 * @return the value
	 * @throws IllegalArgumentException when the value is missing or not a known wire name
	 */
	public static Provider fromWireName(String value) {
		return WireEnums.strict(values(), value, "provider");
	}

}
