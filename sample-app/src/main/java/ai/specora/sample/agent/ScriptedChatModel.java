package ai.specora.sample.agent;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/**
 * A STAND-IN for a real LLM, for the demo and tests where no model is reachable: it
 * reads the user's message, asks for the one tool call the message calls for, and then
 * answers with what the tool returned (or with why it was not run). It is
 * deterministic and knows three requests only:
 * <ul>
 * <li>a customer id ({@code cus_1001}): {@code look_up_customer};</li>
 * <li>"drop table NAME": {@code drop_table};</li>
 * <li>"refund AMOUNT ... pay_ID": {@code refund_payment}.</li>
 * </ul>
 * With a provider starter (e.g. {@code spring-ai-starter-model-openai} and its API key)
 * this bean is not created and the same agent endpoint talks to the real model.
 */
public final class ScriptedChatModel implements ChatModel {

	/** The model name it reports. */
	public static final String MODEL = "scripted-demo-model";

	private static final Pattern CUSTOMER = Pattern.compile("\\bcus_\\d+\\b");

	private static final Pattern DROP = Pattern.compile("drop (?:the )?table (\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern REFUND = Pattern.compile("refund (\\d+(?:\\.\\d+)?)\\D.*?\\b(pay_\\d+)\\b",
			Pattern.CASE_INSENSITIVE);

	@Override
	public ChatResponse call(Prompt prompt) {
		List<Message> messages = prompt.getInstructions();
		Message last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
		AssistantMessage answer = (last instanceof ToolResponseMessage results) ? answer(results)
				: plan((last instanceof UserMessage user) ? user.getText() : "");
		int promptTokens = words(messages.stream().map(Message::getText).collect(Collectors.joining(" ")));
		int completionTokens = Math.max(1, words(answer.getText()) + answer.getToolCalls().size() * 10);
		return ChatResponse.builder()
			.generations(List.of(new Generation(answer)))
			.metadata(ChatResponseMetadata.builder()
				.model(MODEL)
				.usage(new DefaultUsage(promptTokens, completionTokens))
				.build())
			.build();
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> Flux.just(call(prompt)));
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().model(MODEL).build();
	}

	private static AssistantMessage plan(String request) {
		Matcher customer = CUSTOMER.matcher(request);
		if (customer.find()) {
			return toolCall("look_up_customer", "{\"customerId\": \"" + customer.group() + "\"}");
		}
		Matcher drop = DROP.matcher(request);
		if (drop.find()) {
			return toolCall("drop_table", "{\"table\": \"" + drop.group(1) + "\"}");
		}
		Matcher refund = REFUND.matcher(request);
		if (refund.find()) {
			return toolCall("refund_payment", "{\"paymentId\": \"" + refund.group(2) + "\", \"amount\": "
					+ refund.group(1) + ", \"reason\": \"requested by the customer\"}");
		}
		return new AssistantMessage("I can look up a customer (cus_...), refund a payment (pay_...) "
				+ "or try to drop a table.");
	}

	private static AssistantMessage answer(ToolResponseMessage results) {
		String answer = results.getResponses().stream().map((response) -> {
			String data = response.responseData();
			return data.contains("Specora blocked") ? "I could not use " + response.name() + ". " + data
					: "Done with " + response.name() + ": " + data;
		}).collect(Collectors.joining(" "));
		return new AssistantMessage(answer);
	}

	/**
	 * A tool call with an id of its own, as real models give them: a tool call's request
	 * id is derived from it.
	 */
	private static AssistantMessage toolCall(String tool, String arguments) {
		return AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall(
					"call_" + UUID.randomUUID().toString().replace("-", ""), "function", tool, arguments)))
			.build();
	}

	private static int words(String text) {
		return (text == null || text.isBlank()) ? 0 : text.trim().split("\\s+").length;
	}

	@Override
	public String toString() {
		return "ScriptedChatModel[stand-in, " + MODEL + "]";
	}

}
