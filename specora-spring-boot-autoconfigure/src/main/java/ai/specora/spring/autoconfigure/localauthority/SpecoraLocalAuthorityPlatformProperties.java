package ai.specora.spring.autoconfigure.localauthority;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Platform API state of the embedded local authority, under the
 * {@code specora.local-authority.platform} prefix: budgets in micro-USD, policies of
 * {@code policy/check}, model preferences and workflow model assignments.
 */
public class SpecoraLocalAuthorityPlatformProperties {

	/**
	 * Platform budgets in micro-USD (1000000 = 1 USD), charged by recorded executions and
	 * proxied calls; once one is exhausted the spending platform calls answer 402.
	 */
	private List<Budget> budgets = new ArrayList<>();

	/**
	 * Policies of policy/check, tried in order: the first whose subject type and inputs
	 * match answers.
	 */
	private List<Policy> policies = new ArrayList<>();

	/**
	 * Org model preferences, global or for one workflow type, by slot.
	 */
	private List<Preference> preferences = new ArrayList<>();

	/**
	 * Workflow model assignments: calls of an agent (and purpose) use the assigned
	 * provider and model whatever they ask for.
	 */
	private List<ModelAssignment> modelAssignments = new ArrayList<>();

	/**
	 * Provider preferences/resolve answers when no preference matches; empty for none.
	 */
	private String defaultProvider = "openai";

	/**
	 * Model preferences/resolve answers when no preference matches; empty for none.
	 */
	private String defaultModel = "gpt-4o-mini";

	public List<Budget> getBudgets() {
		return this.budgets;
	}

	public void setBudgets(List<Budget> budgets) {
		this.budgets = budgets;
	}

	public List<Policy> getPolicies() {
		return this.policies;
	}

	public void setPolicies(List<Policy> policies) {
		this.policies = policies;
	}

	public List<Preference> getPreferences() {
		return this.preferences;
	}

	public void setPreferences(List<Preference> preferences) {
		this.preferences = preferences;
	}

	public List<ModelAssignment> getModelAssignments() {
		return this.modelAssignments;
	}

	public void setModelAssignments(List<ModelAssignment> modelAssignments) {
		this.modelAssignments = modelAssignments;
	}

	public String getDefaultProvider() {
		return this.defaultProvider;
	}

	public void setDefaultProvider(String defaultProvider) {
		this.defaultProvider = defaultProvider;
	}

	public String getDefaultModel() {
		return this.defaultModel;
	}

	public void setDefaultModel(String defaultModel) {
		this.defaultModel = defaultModel;
	}

	/**
	 * What a policy check decides.
	 */
	public enum Decision {

		/** The operation may go ahead. */
		ALLOW,

		/** The operation must not go ahead. */
		BLOCK,

		/** The operation may go ahead, with a warning. */
		WARN

	}

	/**
	 * How severe a policy check's finding is.
	 */
	public enum Severity {

		/** Low. */
		LOW,

		/** Medium. */
		MEDIUM,

		/** High. */
		HIGH,

		/** Critical. */
		CRITICAL

	}

	/**
	 * One platform budget.
	 */
	public static class Budget {

		/**
		 * Name of the budget, unique among the platform budgets. Defaults to
		 * 'platform-budget-<index>'.
		 */
		private String name;

		/**
		 * Limit in micro-USD per period (1000000 = 1 USD).
		 */
		private Long limitMicros;

		/**
		 * Length of the budget's period; usage starts again at zero in each.
		 */
		private Duration period = Duration.ofDays(1);

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Long getLimitMicros() {
			return this.limitMicros;
		}

		public void setLimitMicros(Long limitMicros) {
			this.limitMicros = limitMicros;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

	}

	/**
	 * One policy of policy/check.
	 */
	public static class Policy {

		/**
		 * Name of the policy, unique among the platform policies. Defaults to
		 * 'platform-policy-<index>'.
		 */
		private String name;

		/**
		 * Glob the subject type must match, for example 'pr_run'.
		 */
		private String subjectType = "*";

		/**
		 * Input name to value glob; every entry must match the check's inputs.
		 */
		private Map<String, String> inputs = new LinkedHashMap<>();

		/**
		 * What the check answers.
		 */
		private Decision decision = Decision.ALLOW;

		/**
		 * Severity the check answers.
		 */
		private Severity severity = Severity.LOW;

		/**
		 * Invariants the check answers; a 'failed' one also sends a
		 * platform.invariant_failed webhook.
		 */
		private List<Invariant> invariants = new ArrayList<>();

		/**
		 * Whether and how the decision may be overridden.
		 */
		private OverrideEligibility override = new OverrideEligibility();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getSubjectType() {
			return this.subjectType;
		}

		public void setSubjectType(String subjectType) {
			this.subjectType = subjectType;
		}

		public Map<String, String> getInputs() {
			return this.inputs;
		}

		public void setInputs(Map<String, String> inputs) {
			this.inputs = inputs;
		}

		public Decision getDecision() {
			return this.decision;
		}

		public void setDecision(Decision decision) {
			this.decision = decision;
		}

		public Severity getSeverity() {
			return this.severity;
		}

		public void setSeverity(Severity severity) {
			this.severity = severity;
		}

		public List<Invariant> getInvariants() {
			return this.invariants;
		}

		public void setInvariants(List<Invariant> invariants) {
			this.invariants = invariants;
		}

		public OverrideEligibility getOverride() {
			return this.override;
		}

		public void setOverride(OverrideEligibility override) {
			this.override = override;
		}

	}

	/**
	 * One invariant of a policy's answer.
	 */
	public static class Invariant {

		/**
		 * Id of the invariant.
		 */
		private String id;

		/**
		 * Status of the invariant, for example 'passed' or 'failed'.
		 */
		private String status = "failed";

		/**
		 * Why the invariant has its status.
		 */
		private String reason;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getStatus() {
			return this.status;
		}

		public void setStatus(String status) {
			this.status = status;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

	/**
	 * The override eligibility of a policy's answer.
	 */
	public static class OverrideEligibility {

		/**
		 * Whether the decision may be overridden.
		 */
		private boolean eligible;

		/**
		 * Whether an override needs a written justification.
		 */
		private boolean requiredJustification;

		/**
		 * Longest life of an override.
		 */
		private Duration expiresMax = Duration.ZERO;

		public boolean isEligible() {
			return this.eligible;
		}

		public void setEligible(boolean eligible) {
			this.eligible = eligible;
		}

		public boolean isRequiredJustification() {
			return this.requiredJustification;
		}

		public void setRequiredJustification(boolean requiredJustification) {
			this.requiredJustification = requiredJustification;
		}

		public Duration getExpiresMax() {
			return this.expiresMax;
		}

		public void setExpiresMax(Duration expiresMax) {
			this.expiresMax = expiresMax;
		}

	}

	/**
	 * One org model preference.
	 */
	public static class Preference {

		/**
		 * Workflow type (codegen, review, qa, spec, debug, plan); empty for a global
		 * preference.
		 */
		private String workflowType;

		/**
		 * Slot, 1 being the first choice; unique within the workflow type.
		 */
		private int slot = 1;

		/**
		 * Provider: openai, anthropic, gemini, deepseek, qwen, ollama or vllm.
		 */
		private String provider;

		/**
		 * Model of the provider.
		 */
		private String model;

		/**
		 * What the model can do, for example 'code_generation'.
		 */
		private List<String> capabilities = new ArrayList<>();

		public String getWorkflowType() {
			return this.workflowType;
		}

		public void setWorkflowType(String workflowType) {
			this.workflowType = workflowType;
		}

		public int getSlot() {
			return this.slot;
		}

		public void setSlot(int slot) {
			this.slot = slot;
		}

		public String getProvider() {
			return this.provider;
		}

		public void setProvider(String provider) {
			this.provider = provider;
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public List<String> getCapabilities() {
			return this.capabilities;
		}

		public void setCapabilities(List<String> capabilities) {
			this.capabilities = capabilities;
		}

	}

	/**
	 * One workflow model assignment.
	 */
	public static class ModelAssignment {

		/**
		 * Workflow identity the assignment applies to: the routing hints' agent name
		 * (specora.workflow-id by default).
		 */
		private String agentName;

		/**
		 * Purpose the assignment applies to; empty for the workflow's default
		 * assignment.
		 */
		private String purpose;

		/**
		 * Provider to use: openai, anthropic, gemini, deepseek, qwen, ollama or vllm.
		 */
		private String provider;

		/**
		 * Model to use.
		 */
		private String model;

		public String getAgentName() {
			return this.agentName;
		}

		public void setAgentName(String agentName) {
			this.agentName = agentName;
		}

		public String getPurpose() {
			return this.purpose;
		}

		public void setPurpose(String purpose) {
			this.purpose = purpose;
		}

		public String getProvider() {
			return this.provider;
		}

		public void setProvider(String provider) {
			this.provider = provider;
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

	}

}
