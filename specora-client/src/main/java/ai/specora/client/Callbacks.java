package ai.specora.client;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chains the callbacks given to the client builder, so that several parties (the
 * application, metrics, an actuator endpoint) can follow the same client.
 */
final class Callbacks {

	private static final Logger logger = LoggerFactory.getLogger(Callbacks.class);

	private Callbacks() {
	}

	/**
	 * Returns a callback that calls {@code first} (when there is one) then
	 * {@code second}; an exception of {@code first} is logged and {@code second} still
	 * runs.
	 */
	static <T> Consumer<T> chain(Consumer<T> first, Consumer<T> second, String name) {
		if (first == null) {
			return second;
		}
		String what = name + " callback";
		return (value) -> {
			Listeners.callSafely(logger, what, () -> first.accept(value));
			second.accept(value);
		};
	}

}
