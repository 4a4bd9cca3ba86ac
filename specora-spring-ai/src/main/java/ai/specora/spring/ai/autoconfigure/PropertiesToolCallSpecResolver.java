package ai.specora.spring.ai.autoconfigure;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;
import ai.specora.spring.ai.tool.EnforcedToolMethods;
import ai.specora.spring.ai.tool.OnToolBlock;
import ai.specora.spring.ai.tool.ToolCallSpec;
import ai.specora.spring.ai.tool.ToolCallSpecResolver;
import ai.specora.spring.ai.tool.ToolWriteHints;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Resolves each tool's governance from {@code specora.ai.*} once, by the tool's name:
 * its entry under {@code specora.ai.tools} (matched exactly, else ignoring case and
 * characters other than letters and digits, as relaxed binding may have dropped them),
 * the defaults of {@code specora.ai.tool-calls}, and what the tool declares through
 * {@link ToolWriteHints}.
 */
final class PropertiesToolCallSpecResolver implements ToolCallSpecResolver {

	/**
	 * The action type shown in observations for a tool without a configured action
	 * type, unless tool names may be tags.
	 */
	static final String OBSERVED_TOOL_ACTION_TYPE = "spring_ai_tool";

	private final SpecoraAiProperties properties;

	private final ToolWriteHints writeHints;

	private final EnforcedToolMethods enforcedMethods;

	private final Map<String, SpecoraAiProperties.Tool> normalizedTools = new LinkedHashMap<>();

	private final Map<String, ToolCallSpec> cache = new ConcurrentHashMap<>();

	private final Map<SpecoraAiProperties.Tool, Expression[]> expressions = new IdentityHashMap<>();

	/**
	 * Creates a resolver.
	 * @param properties the settings
	 * @param writeHints what tools declare about writing
	 * @param enforcedMethods tells which tools run an {@code @Enforced} method of their own
	 */
	PropertiesToolCallSpecResolver(SpecoraAiProperties properties, ToolWriteHints writeHints,
			EnforcedToolMethods enforcedMethods) {
		this.properties = Objects.requireNonNull(properties, "properties must not be null");
		this.writeHints = Objects.requireNonNull(writeHints, "writeHints must not be null");
		this.enforcedMethods = Objects.requireNonNull(enforcedMethods, "enforcedMethods must not be null");
		properties.getTools().forEach((name, tool) -> this.normalizedTools.putIfAbsent(normalize(name), tool));
		SpelExpressionParser parser = new SpelExpressionParser();
		properties.getTools()
			.forEach((name, tool) -> this.expressions.put(tool,
					new Expression[] { parse(parser, name, "scope-expression", tool.getScopeExpression()),
							parse(parser, name, "args-expression", tool.getArgsExpression()) }));
	}

	/**
	 * Parses a tool's expression at start-up.
	 * @throws SpecoraConfigurationException naming the property when it is no valid
	 * SpEL
	 */
	private static Expression parse(SpelExpressionParser parser, String tool, String attribute, String expression) {
		if (expression == null || expression.isBlank()) {
			return null;
		}
		String property = "specora.ai.tools[" + tool + "]." + attribute;
		try {
			return parser.parseExpression(expression);
		}
		catch (ParseException ex) {
			throw new SpecoraConfigurationException(property,
					"The expression of " + property + " is no valid SpEL: " + ex.getMessage(),
					"Fix " + property + ": a SpEL expression giving a map, e.g. "
							+ "{'customer': #input['customerId'], 'user': #principal}");
		}
	}

	@Override
	public ToolCallSpec resolve(ToolCallback tool) {
		String name = tool.getToolDefinition().name();
		ToolCallSpec spec = this.cache.get(name);
		if (spec == null) {
			spec = this.cache.computeIfAbsent(name, (key) -> create(key, tool));
		}
		return spec;
	}

	private ToolCallSpec create(String name, ToolCallback tool) {
		SpecoraAiProperties.Tool settings = this.properties.getTools().get(name);
		if (settings == null) {
			settings = this.normalizedTools.getOrDefault(normalize(name), new SpecoraAiProperties.Tool());
		}
		SpecoraAiProperties.ToolCalls defaults = this.properties.getToolCalls();
		boolean configuredActionType = settings.getActionType() != null && !settings.getActionType().isBlank();
		String actionType = configuredActionType ? settings.getActionType() : name;
		String observedActionType = (configuredActionType || this.properties.getObservations().isIncludeToolName())
				? actionType : OBSERVED_TOOL_ACTION_TYPE;
		Map<String, Object> scope = new LinkedHashMap<>(settings.getScope());
		scope.put(ToolCallSpec.TOOL_SCOPE_KEY, name);
		Boolean writeOp = settings.getWriteOp();
		if (writeOp == null) {
			writeOp = this.writeHints.writeOp(tool);
		}
		OnToolBlock onBlock = Objects.requireNonNullElse(settings.getOnBlock(), defaults.getOnBlock());
		OnSuspend onSuspend = Objects.requireNonNullElse(settings.getOnSuspend(), defaults.getOnSuspend());
		Duration approvalTimeout = Objects.requireNonNullElse(settings.getApprovalTimeout(),
				defaults.getApprovalTimeout());
		EnforcedFailMode failMode = Objects.requireNonNullElse(settings.getFailMode(), defaults.getFailMode());
		Expression[] parsed = this.expressions.getOrDefault(settings, new Expression[2]);
		return new ToolCallSpec(name, actionType, observedActionType, scope, Boolean.TRUE.equals(writeOp),
				settings.isIncludeArgs(), onBlock, onSuspend, approvalTimeout, failMode, settings.getMode(),
				this.enforcedMethods.isEnforced(tool), parsed[0], parsed[1]);
	}

	private static String normalize(String name) {
		StringBuilder normalized = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char ch = name.charAt(i);
			if (Character.isLetterOrDigit(ch)) {
				normalized.append(ch);
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
