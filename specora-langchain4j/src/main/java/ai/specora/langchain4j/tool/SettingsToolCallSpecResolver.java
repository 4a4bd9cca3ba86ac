package ai.specora.langchain4j.tool;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * Resolves each tool's governance once, by the tool's name, from {@link ToolSettings}
 * per tool (matched exactly, else ignoring case and characters other than letters and
 * digits, as relaxed property binding may have dropped them) and the
 * {@link ToolDefaults}. A tool without settings is governed with its name as action
 * type. The tools' {@code scope-expression} and {@code args-expression} are parsed and
 * checked when the resolver is created ({@link ToolSettingsException} naming the
 * property).
 */
public final class SettingsToolCallSpecResolver implements ToolCallSpecResolver {

	/**
	 * The action type shown in observations for a tool without a configured action type:
	 * tool names are requested by the model and are no meter tags.
	 */
	public static final String OBSERVED_TOOL_ACTION_TYPE = "langchain4j_tool";

	private final ToolDefaults defaults;

	private final Map<String, ToolSettings> tools;

	private final Map<String, ToolSettings> normalizedTools = new LinkedHashMap<>();

	private final Map<String, ToolCallSpec> cache = new ConcurrentHashMap<>();

	private final Map<ToolSettings, ToolCallExpression[]> expressions = new IdentityHashMap<>();

	/**
	 * Creates a resolver.
	 * @param defaults the defaults of every tool
	 * @param tools the settings per tool name
	 */
	public SettingsToolCallSpecResolver(ToolDefaults defaults, Map<String, ToolSettings> tools) {
		this.defaults = Objects.requireNonNull(defaults, "defaults must not be null");
		this.tools = Map.copyOf(Objects.requireNonNull(tools, "tools must not be null"));
		tools.forEach((name, settings) -> this.normalizedTools.putIfAbsent(normalize(name), settings));
		tools.forEach((name, settings) -> this.expressions.put(settings,
				new ToolCallExpression[] { parse(name, "scope-expression", settings.getScopeExpression()),
						parse(name, "args-expression", settings.getArgsExpression()) }));
	}

	/**
	 * Parses and checks a tool's expression once, when the resolver is created.
	 * @throws ToolSettingsException naming the property when it cannot be used
	 */
	private static ToolCallExpression parse(String tool, String attribute, String expression) {
		if (expression == null || expression.isBlank()) {
			return null;
		}
		return ToolCallExpression.parse("specora.langchain4j.tools[" + tool + "]." + attribute, expression);
	}

	@Override
	public ToolCallSpec resolve(ToolSpecification tool) {
		String name = tool.name();
		ToolCallSpec spec = this.cache.get(name);
		if (spec == null) {
			spec = this.cache.computeIfAbsent(name, this::create);
		}
		return spec;
	}

	private ToolCallSpec create(String name) {
		ToolSettings settings = this.tools.get(name);
		if (settings == null) {
			settings = this.normalizedTools.getOrDefault(normalize(name), new ToolSettings());
		}
		boolean configuredActionType = settings.getActionType() != null && !settings.getActionType().isBlank();
		String actionType = configuredActionType ? settings.getActionType() : name;
		Map<String, Object> scope = new LinkedHashMap<>(settings.getScope());
		scope.put(ToolCallSpec.TOOL_SCOPE_KEY, name);
		OnToolBlock onBlock = Objects.requireNonNullElse(settings.getOnBlock(), this.defaults.getOnBlock());
		OnToolSuspend onSuspend = Objects.requireNonNullElse(settings.getOnSuspend(), this.defaults.getOnSuspend());
		Duration approvalTimeout = Objects.requireNonNullElse(settings.getApprovalTimeout(),
				this.defaults.getApprovalTimeout());
		ToolFailMode failMode = Objects.requireNonNullElse(settings.getFailMode(), this.defaults.getFailMode());
		ToolCallExpression[] parsed = this.expressions.getOrDefault(settings, new ToolCallExpression[2]);
		return new ToolCallSpec(name, actionType, configuredActionType ? actionType : OBSERVED_TOOL_ACTION_TYPE, scope,
				Boolean.TRUE.equals(settings.getWriteOp()), settings.isIncludeArgs(), onBlock, onSuspend,
				approvalTimeout, failMode, Objects.requireNonNullElse(settings.getMode(), ToolMode.INHERIT), parsed[0],
				parsed[1]);
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
