package ai.specora.sample.web;

import java.util.Map;

import ai.specora.sample.agent.AgentUnavailableException;
import ai.specora.sample.agent.SupportAgent;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support agent over HTTP: {@code POST /api/agent/messages {"message": "..."}}
 * answers {@code {"answer": "..."}}. A tool call the agent must wait for holds the
 * request until it is approved; refusals of the LLM call itself and failures to reach
 * the authority become problem details (see {@link GovernanceExceptionHandler}).
 */
@RestController
@RequestMapping("/api/agent")
public class AgentController {

	private final SupportAgent agent;

	/**
	 * Creates the controller.
	 * @param agent the agent
	 */
	public AgentController(SupportAgent agent) {
		this.agent = agent;
	}

	/**
	 * Answers a user's message.
	 * @param request {@code {"message": "..."}}
	 * @return {@code {"answer": "..."}}
	 */
	@PostMapping("/messages")
	public Map<String, String> message(@RequestBody AgentMessage request) {
		if (request.message() == null || request.message().isBlank()) {
			throw new IllegalArgumentException("The message must not be empty");
		}
		return Map.of("answer", this.agent.answer(request.message()));
	}

	/**
	 * No ChatModel: 503 with what to add.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> unavailable(AgentUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

	/**
	 * A user's message to the agent.
	 *
	 * @param message the text
	 */
	public record AgentMessage(String message) {
	}

}
