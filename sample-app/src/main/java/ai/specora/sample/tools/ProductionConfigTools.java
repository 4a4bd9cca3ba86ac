package ai.specora.sample.tools;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.specora.spring.Enforced;
import ai.specora.spring.OnSuspend;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The agent's production configuration tool. Changing production needs a human's
 * approval: the call is suspended by the authority and, with {@link OnSuspend#WAIT},
 * waits (without holding a thread, since it returns a {@link Mono}) until the change
 * is approved, then runs; a denial ends it as blocked.
 */
@Service
public class ProductionConfigTools {

	private final Map<String, String> settings = new ConcurrentHashMap<>(
			Map.of("checkout.rate-limit", "100", "search.timeout", "2s", "feature.new-billing", "off"));

	private final Clock clock;

	/**
	 * Creates the tool.
	 * @param clock the clock changes are dated with
	 */
	public ProductionConfigTools(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Changes a production setting once the change is approved.
	 * @param key the setting
	 * @param value its new value
	 * @return the applied change, emitted once approved
	 */
	@Enforced(actionType = "config_change", scope = "{'environment': 'production', 'key': #key}",
			args = "{'value': #value}", writeOp = true, onSuspend = OnSuspend.WAIT, approvalTimeout = "PT2M")
	public Mono<ConfigChange> change(String key, String value) {
		return Mono.fromSupplier(() -> {
			String previous = this.settings.put(key, value);
			return new ConfigChange(key, previous, value, this.clock.instant());
		});
	}

	/**
	 * The current value of a production setting.
	 * @param key the setting
	 * @return the value, or {@code null} if unset
	 */
	public String currentValue(String key) {
		return this.settings.get(key);
	}

}
