package ai.specora.spring.ai.tool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import ai.specora.client.EnforceRequest;

/**
 * The request id of a tool call, bound to the exact action: a name-based UUID of its
 * action type, conversation id (when there is one), tool call id and a SHA-256 hash of
 * its input. The same tool call run again (after its approval) asks with the same id and
 * is answered from the same journal entry; a changed input is a new request. A call
 * without a tool call id gets a new id each time.
 */
final class ToolCallRequestIds {

	private ToolCallRequestIds() {
	}

	static UUID of(String actionType, String conversationId, String toolCallId, String input) {
		if (toolCallId == null || toolCallId.isEmpty()) {
			return EnforceRequest.newRequestId();
		}
		String name = "specora-tool-call\n" + actionType + "\n" + ((conversationId != null) ? conversationId : "")
				+ "\n" + toolCallId + "\n" + sha256((input != null) ? input : "");
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(String input) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
