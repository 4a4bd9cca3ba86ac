package ai.specora.spring.ai.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the resolver a {@link ToolCallingManager} resolves tools by name with, so that
 * the tools it resolves are governed too. Only Spring AI's
 * {@link DefaultToolCallingManager} can be read; any other manager resolves as it
 * pleases.
 */
final class ManagerResolvers {

	private static final Field DEFAULT_MANAGER_RESOLVER = findResolverField();

	private ManagerResolvers() {
	}

	/**
	 * The resolver of a manager.
	 * @param manager the manager
	 * @return its resolver, or {@code null} when it cannot be read
	 */
	static ToolCallbackResolver of(ToolCallingManager manager) {
		if (!(manager instanceof DefaultToolCallingManager) || DEFAULT_MANAGER_RESOLVER == null) {
			return null;
		}
		Object resolver = ReflectionUtils.getField(DEFAULT_MANAGER_RESOLVER, manager);
		return (resolver instanceof ToolCallbackResolver toolCallbackResolver) ? toolCallbackResolver : null;
	}

	private static Field findResolverField() {
		try {
			for (Field field : DefaultToolCallingManager.class.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())
						&& ToolCallbackResolver.class.isAssignableFrom(field.getType())) {
					ReflectionUtils.makeAccessible(field);
					return field;
				}
			}
			return null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
