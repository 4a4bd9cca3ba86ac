package ai.specora.sample.web;

import java.util.Map;

import ai.specora.sample.tools.ConfigChange;
import ai.specora.sample.tools.DatabaseTools;
import ai.specora.sample.tools.ProductionConfigTools;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The production tools over HTTP: configuration changes (approved by a human first)
 * and table drops (never allowed).
 */
@RestController
@RequestMapping("/api/production")
public class ProductionController {

	private final ProductionConfigTools config;

	private final DatabaseTools database;

	/**
	 * Creates the controller.
	 * @param config the governed configuration tool
	 * @param database the governed database tool
	 */
	public ProductionController(ProductionConfigTools config, DatabaseTools database) {
		this.config = config;
		this.database = database;
	}

	/**
	 * Changes a production setting; the response comes once the change is approved and
	 * applied.
	 * @param key the setting
	 * @param request the new value
	 * @return the applied change
	 */
	@PutMapping("/config/{key}")
	public Mono<ConfigChange> changeConfig(@PathVariable String key, @RequestBody ConfigChangeRequest request) {
		if (request.value() == null) {
			throw new IllegalArgumentException("The new value is required");
		}
		return this.config.change(key, request.value());
	}

	/**
	 * Drops a production table.
	 * @param table the table
	 * @return what was done
	 */
	@DeleteMapping("/tables/{table}")
	public Map<String, String> dropTable(@PathVariable String table) {
		return Map.of("result", this.database.dropTable(table));
	}

	/**
	 * The body of a configuration change.
	 *
	 * @param value the new value
	 */
	public record ConfigChangeRequest(String value) {

	}

}
