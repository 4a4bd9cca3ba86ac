package ai.specora.client.platform;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The reflection the Platform API needs in a native image: Jackson reads and writes the
 * platform's wire records (every record of {@link PlatformWire}, so a new one is covered
 * without a change here). Registered through {@code META-INF/spring/aot.factories},
 * beside the client's own {@code SpecoraClientRuntimeHints}.
 */
final class PlatformRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (Class<?> type : PlatformWire.class.getDeclaredClasses()) {
			if (type.isRecord()) {
				bindings.registerReflectionHints(hints.reflection(), type);
			}
		}
	}

}
