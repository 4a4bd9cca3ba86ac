package ai.specora.spring.ai.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.specora.client.platform.Provider;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.EnforcedMode;
import ai.specora.spring.OnSuspend;
import ai.specora.spring.ai.chat.UnroutableCall;
import ai.specora.spring.ai.tool.OnToolBlock;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the governance of a Spring AI application's tool calls
 * ({@code specora.ai.*}).
 */
@ConfigurationProperties("specora.ai")
public class SpecoraAiProperties {

	/**
	 * Whether Specora governs the tool calls of the application's ChatClients.
	 */
	private boolean enabled = true;

	/**
	 * Whether the application may start with a ToolCallingManager bean whose tool
	 * resolution Specora cannot reach (any manager but Spring AI's
	 * DefaultToolCallingManager), or with MCP server tools added where Specora cannot
	 * govern them (a server customizer): those tools then run ungoverned.
	 */
	private boolean allowUngovernedTools;

	private final ToolCalls toolCalls = new ToolCalls();

	/**
	 * Per tool, by the tool's name: its action type, scope entries, write flag and
	 * behaviour. A tool without an entry is enforced with its name as action type.
	 * Write names with characters other than letters, digits and '-' in brackets, e.g.
	 * {@code specora.ai.tools[issue_refund].action-type}.
	 */
	private final Map<String, Tool> tools = new LinkedHashMap<>();

	private final Observations observations = new Observations();

	private final Chat chat = new Chat();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAllowUngovernedTools() {
		return this.allowUngovernedTools;
	}

	public void setAllowUngovernedTools(boolean allowUngovernedTools) {
		this.allowUngovernedTools = allowUngovernedTools;
	}

	public ToolCalls getToolCalls() {
		return this.toolCalls;
	}

	public Map<String, Tool> getTools() {
		return this.tools;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Chat getChat() {
		return this.chat;
	}

	/**
	 * Defaults for every governed tool call.
	 */
	public static class ToolCalls {

		/**
		 * What a blocked tool call does: tell the model (result) or end the call with
		 * SpecoraBlockedException (throw).
		 */
		private OnToolBlock onBlock = OnToolBlock.RESULT;

		/**
		 * What a tool call that needs an approval does: end the ChatClient call with
		 * SpecoraSuspendedException (throw) or wait for the approval (wait).
		 */
		private OnSuspend onSuspend = OnSuspend.THROW;

		/**
		 * How long a tool call waits for its approval under on-suspend=wait.
		 */
		private Duration approvalTimeout = Duration.ofMinutes(5);

		/**
		 * What a tool call does when no decision can be had: the client's fail mode
		 * (inherit, by default specora.fail-mode=closed), closed or open.
		 */
		private EnforcedFailMode failMode = EnforcedFailMode.INHERIT;

		public OnToolBlock getOnBlock() {
			return this.onBlock;
		}

		public void setOnBlock(OnToolBlock onBlock) {
			this.onBlock = onBlock;
		}

		public OnSuspend getOnSuspend() {
			return this.onSuspend;
		}

		public void setOnSuspend(OnSuspend onSuspend) {
			this.onSuspend = onSuspend;
		}

		public Duration getApprovalTimeout() {
			return this.approvalTimeout;
		}

		public void setApprovalTimeout(Duration approvalTimeout) {
			this.approvalTimeout = approvalTimeout;
		}

		public EnforcedFailMode getFailMode() {
			return this.failMode;
		}

		public void setFailMode(EnforcedFailMode failMode) {
			this.failMode = failMode;
		}

	}

	/**
	 * How one tool is governed; unset values come from {@code specora.ai.tool-calls}.
	 */
	public static class Tool {

		/**
		 * The action type sent to the authority; by default the tool's name.
		 */
		private String actionType;

		/**
		 * Scope entries sent with every call of the tool, besides 'tool' (the tool's
		 * name).
		 */
		private final Map<String, String> scope = new LinkedHashMap<>();

		/**
		 * A SpEL expression giving a map of scope entries, evaluated on each call and
		 * merged over 'scope', e.g. {'customer': #input['customerId'], 'user':
		 * #principal}. Variables: #input (the tool's input as a map), #context (the
		 * ToolContext map), #conversationId, #toolCallId and #principal.
		 */
		private String scopeExpression;

		/**
		 * A SpEL expression giving a map of args, evaluated on each call and merged over
		 * the input args of include-args; same variables as scope-expression.
		 */
		private String argsExpression;

		/**
		 * Whether the tool changes state (is_write_op); by default taken from MCP tool
		 * annotations, else false.
		 */
		private Boolean writeOp;

		/**
		 * Whether the tool's input JSON is sent as the enforcement's args. Off by
		 * default: inputs can hold personal data.
		 */
		private boolean includeArgs;

		/**
		 * What a blocked call of this tool does.
		 */
		private OnToolBlock onBlock;

		/**
		 * What a call of this tool that needs an approval does.
		 */
		private OnSuspend onSuspend;

		/**
		 * How long a call of this tool waits for its approval under on-suspend=wait.
		 */
		private Duration approvalTimeout;

		/**
		 * What a call of this tool does when no decision can be had.
		 */
		private EnforcedFailMode failMode;

		/**
		 * Whether this tool's decisions are applied (enforce) or only recorded (shadow);
		 * by default the application's mode, specora.mode.
		 */
		private EnforcedMode mode = EnforcedMode.INHERIT;

		public String getActionType() {
			return this.actionType;
		}

		public void setActionType(String actionType) {
			this.actionType = actionType;
		}

		public Map<String, String> getScope() {
			return this.scope;
		}

		public String getScopeExpression() {
			return this.scopeExpression;
		}

		public void setScopeExpression(String scopeExpression) {
			this.scopeExpression = scopeExpression;
		}

		public String getArgsExpression() {
			return this.argsExpression;
		}

		public void setArgsExpression(String argsExpression) {
			this.argsExpression = argsExpression;
		}

		public Boolean getWriteOp() {
			return this.writeOp;
		}

		public void setWriteOp(Boolean writeOp) {
			this.writeOp = writeOp;
		}

		public boolean isIncludeArgs() {
			return this.includeArgs;
		}

		public void setIncludeArgs(boolean includeArgs) {
			this.includeArgs = includeArgs;
		}

		public OnToolBlock getOnBlock() {
			return this.onBlock;
		}

		public void setOnBlock(OnToolBlock onBlock) {
			this.onBlock = onBlock;
		}

		public OnSuspend getOnSuspend() {
			return this.onSuspend;
		}

		public void setOnSuspend(OnSuspend onSuspend) {
			this.onSuspend = onSuspend;
		}

		public Duration getApprovalTimeout() {
			return this.approvalTimeout;
		}

		public void setApprovalTimeout(Duration approvalTimeout) {
			this.approvalTimeout = approvalTimeout;
		}

		public EnforcedFailMode getFailMode() {
			return this.failMode;
		}

		public void setFailMode(EnforcedFailMode failMode) {
			this.failMode = failMode;
		}

		public EnforcedMode getMode() {
			return this.mode;
		}

		public void setMode(EnforcedMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * What governed tool calls show in the {@code specora.enforcement} observation.
	 */
	public static class Observations {

		/**
		 * Whether the action.type tag of a tool without a configured action type is the
		 * tool's name; otherwise it is 'spring_ai_tool'. Tool names are chosen by the
		 * application but requested by the model: opt in only for a bounded set.
		 */
		private boolean includeToolName;

		public boolean isIncludeToolName() {
			return this.includeToolName;
		}

		public void setIncludeToolName(boolean includeToolName) {
			this.includeToolName = includeToolName;
		}

	}

	/**
	 * The governance of LLM calls: a ChatClient advisor that pre-authorizes each model
	 * call on the Specora platform and records its execution.
	 */
	public static class Chat {

		/**
		 * Whether every auto-configured ChatClient.Builder gets the Specora advisor that
		 * governs its LLM calls.
		 */
		private boolean enabled = true;

		/**
		 * The provider of the application's ChatModel, sent to the platform; by default
		 * guessed from the ChatModel bean's class (OpenAiChatModel: openai...).
		 */
		private Provider provider;

		/**
		 * The model asked for when the prompt's options name none.
		 */
		private String model;

		/**
		 * The order of the advisor; by default just before Spring AI's model call, after
		 * the tool calling and memory advisors, so that each model call is governed.
		 */
		private int order = ai.specora.spring.ai.chat.SpecoraChatAdvisor.DEFAULT_ORDER;

		/**
		 * What a call the platform routes to a provider without a ChatModel does:
		 * refuse it (LlmCallRefusedException) or call the requested model
		 * (call-requested).
		 */
		private UnroutableCall unroutable = UnroutableCall.REFUSE;

		/**
		 * The provider of ChatModel beans, by bean name, where the class name does not
		 * tell: where a call the platform routes to that provider is dispatched.
		 */
		private final Map<String, Provider> providers = new LinkedHashMap<>();

		/**
		 * Prices in USD per million tokens, by model name, to record each call's cost;
		 * a model without an entry is recorded with cost 0.
		 */
		private final Map<String, Price> pricing = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Provider getProvider() {
			return this.provider;
		}

		public void setProvider(Provider provider) {
			this.provider = provider;
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

		public UnroutableCall getUnroutable() {
			return this.unroutable;
		}

		public void setUnroutable(UnroutableCall unroutable) {
			this.unroutable = unroutable;
		}

		public Map<String, Provider> getProviders() {
			return this.providers;
		}

		public Map<String, Price> getPricing() {
			return this.pricing;
		}

	}

	/**
	 * The price of a model's tokens.
	 */
	public static class Price {

		/**
		 * USD per million input (prompt) tokens.
		 */
		private BigDecimal input = BigDecimal.ZERO;

		/**
		 * USD per million output (completion) tokens.
		 */
		private BigDecimal output = BigDecimal.ZERO;

		public BigDecimal getInput() {
			return this.input;
		}

		public void setInput(BigDecimal input) {
			this.input = input;
		}

		public BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(BigDecimal output) {
			this.output = output;
		}

	}

}
