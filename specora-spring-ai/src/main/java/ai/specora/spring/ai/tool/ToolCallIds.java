package ai.specora.spring.ai.tool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.springframework.ai.chat.messages.AssistantMessage;

/**
 * The ids of the tool calls of one execution, handed out to the governed tools as they
 * run: the first not yet taken with the tool's name and input, else the first with its
 * name (a manager may have reformatted the input).
 */
final class ToolCallIds {

	private final List<AssistantMessage.ToolCall> pending;

	ToolCallIds(List<AssistantMessage.ToolCall> toolCalls) {
		this.pending = new ArrayList<>(toolCalls);
	}

	synchronized String take(String toolName, String input) {
		AssistantMessage.ToolCall byName = null;
		for (Iterator<AssistantMessage.ToolCall> it = this.pending.iterator(); it.hasNext();) {
			AssistantMessage.ToolCall call = it.next();
			if (Objects.equals(call.name(), toolName)) {
				if (Objects.equals(call.arguments(), input)) {
					it.remove();
					return call.id();
				}
				if (byName == null) {
					byName = call;
				}
			}
		}
		if (byName != null) {
			this.pending.remove(byName);
			return byName.id();
		}
		return null;
	}

}
