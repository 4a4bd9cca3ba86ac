package ai.specora.spring.ai.tool;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import ai.specora.spring.enforcement.EnforcedMethodRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.method.MethodToolCallback;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Tells which tools run an {@link ai.specora.spring.Enforced @Enforced} method of their
 * own: a {@code @Tool} method of a bean whose method is also {@code @Enforced}. Such a
 * tool is governed once, by its method's annotation, which is more specific than the
 * tool's settings.
 * <p>
 * Spring AI's {@link MethodToolCallback} does not expose its method, so it is read from
 * the callback's fields; should a Spring AI version rename them, every tool is governed
 * as a tool and its {@code @Enforced} method again on its own: two round trips, never
 * none.
 */
public final class EnforcedToolMethods {

	/**
	 * Tells that no tool runs an {@code @Enforced} method, for applications without
	 * {@code @Enforced} governance.
	 */
	public static final EnforcedToolMethods NONE = new EnforcedToolMethods(null);

	private static final Logger logger = LoggerFactory.getLogger(EnforcedToolMethods.class);

	private final EnforcedMethodRegistry registry;

	private final Field methodField;

	private final Field objectField;

	/**
	 * Creates the lookup.
	 * @param registry what each {@code @Enforced} method asks for, or {@code null}
	 */
	public EnforcedToolMethods(EnforcedMethodRegistry registry) {
		this.registry = registry;
		this.methodField = (registry != null) ? field("toolMethod") : null;
		this.objectField = (registry != null) ? field("toolObject") : null;
	}

	/**
	 * Whether a tool runs an {@code @Enforced} method of its own.
	 * @param tool the tool
	 * @return {@code true} when its method is {@code @Enforced}
	 */
	public boolean isEnforced(ToolCallback tool) {
		ToolCallback callback = (tool instanceof GovernedToolCallback governed) ? governed.getDelegate() : tool;
		if (this.methodField == null || this.objectField == null
				|| !(callback instanceof MethodToolCallback methodTool)) {
			return false;
		}
		Method method = (Method) ReflectionUtils.getField(this.methodField, methodTool);
		Object target = ReflectionUtils.getField(this.objectField, methodTool);
		if (method == null) {
			return false;
		}
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass();
		return this.registry.getEnforcedMethod(method, targetClass) != null;
	}

	private static Field field(String name) {
		Field field = ReflectionUtils.findField(MethodToolCallback.class, name);
		if (field == null) {
			logger.warn("Spring AI's MethodToolCallback has no field '{}': a @Tool method that is also @Enforced "
					+ "is governed twice, as a tool and as a method", name);
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	@Override
	public String toString() {
		return "EnforcedToolMethods[" + ((this.registry != null) ? "enabled" : "none") + "]";
	}

}
