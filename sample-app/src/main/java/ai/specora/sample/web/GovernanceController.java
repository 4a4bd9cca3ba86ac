package ai.specora.sample.web;

import java.util.List;

import ai.specora.sample.governance.GovernanceLog;
import ai.specora.sample.governance.GovernedCallRecord;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the authority decided about the agent's recent tool calls.
 */
@RestController
@RequestMapping("/api/governance")
public class GovernanceController {

	private final GovernanceLog log;

	/**
	 * Creates the controller.
	 * @param log the decisions
	 */
	public GovernanceController(GovernanceLog log) {
		this.log = log;
	}

	/**
	 * The recent decisions, oldest first.
	 * @return the decisions
	 */
	@GetMapping("/decisions")
	public List<GovernedCallRecord> decisions() {
		return this.log.records();
	}

}
