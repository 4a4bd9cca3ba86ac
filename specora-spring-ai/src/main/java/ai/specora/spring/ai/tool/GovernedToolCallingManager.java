package ai.specora.spring.ai.tool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;

/**
 * Decorates the application's {@link ToolCallingManager} so that every tool it runs is
 * governed: the tools of the prompt's options, and those the manager would resolve by
 * name through its own {@link ToolCallbackResolver} (given here, governed), are handed
 * to it wrapped in {@link GovernedToolCallback}s, so that the delegate never resolves a
 * tool the model names itself. The delegate stays in charge of everything else:
 * which tool runs, its observation, its exception processing, {@code returnDirect} and
 * the conversation history.
 */
public final class GovernedToolCallingManager implements ToolCallingManager {

	private final ToolCallingManager delegate;

	private final ToolCallGovernor governor;

	private final ToolCallbackResolver resolver;

	/**
	 * Decorates a manager.
	 * @param delegate the application's manager
	 * @param governor governs each tool call
	 * @param resolver resolves tools named by the model that the prompt does not carry:
	 * the delegate's own resolver, or {@code null} when the delegate resolves none
	 */
	public GovernedToolCallingManager(ToolCallingManager delegate, ToolCallGovernor governor,
			ToolCallbackResolver resolver) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
		this.resolver = resolver;
	}

	/**
	 * The decorated manager.
	 * @return the application's manager
	 */
	public ToolCallingManager getDelegate() {
		return this.delegate;
	}

	@Override
	public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
		return this.delegate.resolveToolDefinitions(chatOptions);
	}

	@Override
	public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
		return this.delegate.executeToolCalls(governed(prompt, chatResponse), chatResponse);
	}

	/**
	 * The prompt with options whose tools are all governed, including those requested by
	 * name that the options lack; each knows the ids of this execution's tool calls.
	 */
	private Prompt governed(Prompt prompt, ChatResponse chatResponse) {
		List<AssistantMessage.ToolCall> toolCalls = toolCalls(chatResponse);
		ToolCallIds ids = new ToolCallIds(toolCalls);
		ChatOptions options = prompt.getOptions();
		List<ToolCallback> carried = (options instanceof ToolCallingChatOptions toolOptions
				&& toolOptions.getToolCallbacks() != null) ? toolOptions.getToolCallbacks() : List.of();
		List<ToolCallback> governed = new ArrayList<>(carried.size());
		Set<String> names = new LinkedHashSet<>();
		for (ToolCallback tool : carried) {
			governed.add(GovernedToolCallback.govern(tool, this.governor, ids));
			names.add(tool.getToolDefinition().name());
		}
		for (AssistantMessage.ToolCall call : toolCalls) {
			String requested = call.name();
			if (!names.contains(requested) && this.resolver != null) {
				ToolCallback resolved = this.resolver.resolve(requested);
				if (resolved != null) {
					governed.add(GovernedToolCallback.govern(resolved, this.governor, ids));
					names.add(requested);
				}
			}
		}
		if (governed.isEmpty() && !(options instanceof ToolCallingChatOptions)) {
			return prompt;
		}
		ToolCallingChatOptions governedOptions = (options instanceof ToolCallingChatOptions toolOptions)
				? toolOptions.mutate().toolCallbacks(governed).build()
				: ToolCallingChatOptions.builder().toolCallbacks(governed).build();
		return prompt.mutate().chatOptions(governedOptions).build();
	}

	private static List<AssistantMessage.ToolCall> toolCalls(ChatResponse chatResponse) {
		List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();
		for (Generation generation : chatResponse.getResults()) {
			AssistantMessage output = generation.getOutput();
			if (output != null) {
				toolCalls.addAll(output.getToolCalls());
			}
		}
		return toolCalls;
	}

	@Override
	public String toString() {
		return "GovernedToolCallingManager[" + this.delegate + "]";
	}

}
