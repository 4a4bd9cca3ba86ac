package ai.specora.client;

import ai.specora.client.webhook.ApprovalResolved;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The reflection the client needs in a native image: Jackson reads and writes the wire
 * records (every record of the internal {@code Wire} holder, so a new one is covered
 * without a change here) and maps webhook data to {@link ApprovalResolved}.
 * <p>
 * Registered through {@code META-INF/spring/aot.factories}, so Spring's AOT processing
 * applies it to every application that has the client on its class path; there is no
 * need to call it.
 */
public final class SpecoraClientRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (Class<?> type : Wire.class.getDeclaredClasses()) {
			if (type.isRecord()) {
				bindings.registerReflectionHints(hints.reflection(), type);
			}
		}
		bindings.registerReflectionHints(hints.reflection(), ApprovalResolved.class);
	}

}
