package ai.specora.localauthority;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The reflection the local authority needs in a native image: Jackson writes its wire
 * records (every record of the internal {@code Wire} and {@code PlatformWire} holders,
 * the evidence bundles' trace lines and confidence report among them).
 * <p>
 * Registered through {@code META-INF/spring/aot.factories}; there is no need to call it.
 */
public final class LocalAuthorityRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (Class<?> holder : new Class<?>[] { Wire.class, PlatformWire.class }) {
			for (Class<?> type : holder.getDeclaredClasses()) {
				if (type.isRecord()) {
					bindings.registerReflectionHints(hints.reflection(), type);
				}
			}
		}
	}

}
