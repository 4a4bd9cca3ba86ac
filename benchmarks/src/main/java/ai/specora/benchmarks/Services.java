package ai.specora.benchmarks;

import ai.specora.spring.Enforced;
import reactor.core.publisher.Mono;

import org.springframework.resilience.annotation.Retryable;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The methods measured: the same trivial body behind each kind of interception.
 */
public final class Services {

	private Services() {
	}

	/**
	 * No interception at all.
	 */
	public static class Plain {

		/**
		 * Adds one.
		 * @param value the value
		 * @return the value plus one
		 */
		public int call(int value) {
			return value + 1;
		}

	}

	/**
	 * Spring Security method security.
	 */
	public static class Secured {

		/**
		 * Adds one, for users.
		 * @param value the value
		 * @return the value plus one
		 */
		@PreAuthorize("hasRole('USER')")
		public int call(int value) {
			return value + 1;
		}

	}

	/**
	 * Spring Framework 7 resilience: a retry that is never needed.
	 */
	public static class Retrying {

		/**
		 * Adds one, retried on failure.
		 * @param value the value
		 * @return the value plus one
		 */
		@Retryable
		public int call(int value) {
			return value + 1;
		}

	}

	/**
	 * Specora governance.
	 */
	public static class Governed {

		/**
		 * Adds one under governance.
		 * @param value the value
		 * @return the value plus one
		 */
		@Enforced(actionType = "db_write", scope = "{'table': 'users'}", args = "{'value': #value}",
				estimatedCost = "0.02", writeOp = true)
		public int call(int value) {
			return value + 1;
		}

		/**
		 * Adds one under governance, reactively.
		 * @param value the value
		 * @return the value plus one
		 */
		@Enforced(actionType = "db_write", scope = "{'table': 'users'}", args = "{'value': #value}",
				estimatedCost = "0.02", writeOp = true)
		public Mono<Integer> callReactively(int value) {
			return Mono.just(value + 1);
		}

	}

}
