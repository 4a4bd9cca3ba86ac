package ai.specora.client;

import org.slf4j.Logger;

/**
 * The one rule for code that follows a call from the side (callbacks, enforcement
 * listeners, observation handlers): when it throws, the failure is logged at WARN and
 * the call goes on, its outcome unchanged. Used by this client and by the Spring Boot
 * integration.
 * <p>
 * Public API, not internal: the runtime, the Spring Boot integration and any other
 * integration (which may use only the public API of the modules it builds on) follow
 * the same rule with it, and it depends on nothing but SLF4J.
 */
public final class Listeners {

	private Listeners() {
	}

	/**
	 * Runs a listener; a {@link RuntimeException} it throws is logged with the given
	 * logger and not rethrown. {@link Error}s are not caught.
	 * @param logger the logger of the class that calls the listener
	 * @param what what is called, for the log line (e.g. {@code "onDecision callback"});
	 * never a secret or an argument value
	 * @param listener the listener call
	 * @return {@code true} when the listener returned normally
	 */
	public static boolean callSafely(Logger logger, String what, Runnable listener) {
		try {
			listener.run();
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Specora {} failed; the call goes on", what, ex);
			return false;
		}
	}

}
