package ai.specora.client.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.i18n.MessageSource;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The project's machine-readable copy of the Specora wire protocol v1 (OpenAPI 3.1,
 * {@value #RESOURCE} on the class path), for tests: validates JSON bodies against the
 * request-body or response schema of an operation, or against a webhook's request body.
 * <p>
 * An operation is named by its HTTP method (any case) and path: either the path
 * template of the document ({@code /v1/runtime/journal/{journal_id}}) or a concrete
 * path that matches one ({@code /v1/runtime/journal/jrn_1}, a query string is
 * ignored). Validation follows JSON Schema 2020-12 with the OpenAPI 3.1 base dialect,
 * and asserts formats ({@code uuid}, {@code date-time}).
 * <p>
 * The {@code validate*} methods return the violations as readable messages, empty
 * when the body conforms; the {@code assert*} methods throw an {@link AssertionError}
 * listing them. Asking for an operation, status or schema the document does not
 * declare is a mistake in the test and raises {@link IllegalArgumentException}.
 * <p>
 * The document is read once per JVM; instances are immutable and thread-safe.
 */
public final class OpenApiContract {

	/** Class-path location of the OpenAPI document. */
	public static final String RESOURCE = "ai/specora/client/openapi/specora-v1.yaml";

	/** Name of the webhook under which the document describes Specora's events. */
	public static final String EVENT_WEBHOOK = "specoraEvent";

	private static final String DOCUMENT_IRI = "classpath:" + RESOURCE;

	private static final String MEDIA_TYPE = "application/json";

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
			"patch", "trace");

	private static final int MAX_BODY_IN_MESSAGE = 2000;

	/** Fields of an OpenAPI document's root, which the validator sees as unknown schema keywords. */
	private static final List<String> DOCUMENT_FIELDS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
			"paths", "webhooks", "components", "security", "tags", "externalDocs");

	private final JsonNode document;

	private final SchemaRegistry schemaRegistry;

	private final JsonMapper jsonMapper;

	private OpenApiContract(JsonNode document) {
		this.document = document;
		SchemaRegistryConfig config = SchemaRegistryConfig.builder()
			.formatAssertionsEnabled(true)
			.locale(Locale.ENGLISH)
			.messageSource(ValidatorMessages.load())
			.pathType(PathType.JSON_PATH)
			.build();
		Dialect.Builder dialect = Dialect.builder(Dialects.getOpenApi31());
		DOCUMENT_FIELDS.forEach((field) -> dialect.keyword(new NonValidationKeyword(field)));
		this.schemaRegistry = SchemaRegistry.withDialect(dialect.build(),
				(builder) -> builder.schemaRegistryConfig(config));
		this.jsonMapper = JsonMapper.builder().build();
	}

	/**
	 * Returns the contract, reading the document on first use.
	 * @return the shared contract
	 * @throws IllegalStateException if the document is missing or not valid YAML
	 */
	public static OpenApiContract get() {
		return Holder.INSTANCE;
	}

	/**
	 * Returns the parsed OpenAPI document.
	 * @return the document's root node
	 */
	public JsonNode document() {
		return this.document;
	}

	/**
	 * Returns the path templates the document declares, in document order.
	 * @return the path templates, e.g. {@code /v1/runtime/enforce}
	 */
	public Set<String> pathTemplates() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(this.document.path("paths").propertyNames()));
	}

	/**
	 * Returns the HTTP methods (upper case) the document declares for a path.
	 * @param path a path template or a concrete path
	 * @return the methods, e.g. {@code [POST]}
	 * @throws IllegalArgumentException if no path template matches
	 */
	public Set<String> methods(String path) {
		String template = pathTemplateOf(path);
		Set<String> methods = new LinkedHashSet<>();
		for (String name : this.document.path("paths").path(template).propertyNames()) {
			if (HTTP_METHODS.contains(name)) {
				methods.add(name.toUpperCase(Locale.ROOT));
			}
		}
		return Collections.unmodifiableSet(methods);
	}

	/**
	 * Returns the status codes an operation declares, as written in the document.
	 * @param method the HTTP method
	 * @param path a path template or a concrete path
	 * @return the status codes, e.g. {@code [200, 400, 401]}
	 * @throws IllegalArgumentException if the operation is not declared
	 */
	public Set<String> statuses(String method, String path) {
		return Collections.unmodifiableSet(
				new LinkedHashSet<>(operation(method, path).node().path("responses").propertyNames()));
	}

	/**
	 * Returns the path template of the document that a path matches: the path itself
	 * when it is a template, else the template whose {@code {parameter}} segments
	 * match the path's segments.
	 * @param path a path template or a concrete path, optionally with a query string
	 * @return the matching path template
	 * @throws IllegalArgumentException if no template matches
	 */
	public String pathTemplateOf(String path) {
		if (path == null || path.isEmpty()) {
			throw new IllegalArgumentException("path must not be empty");
		}
		int query = path.indexOf('?');
		String bare = (query >= 0) ? path.substring(0, query) : path;
		JsonNode paths = this.document.path("paths");
		if (paths.has(bare)) {
			return bare;
		}
		for (String template : paths.propertyNames()) {
			if (matches(template, bare)) {
				return template;
			}
		}
		throw new IllegalArgumentException("The contract declares no path matching '" + path + "'; declared: "
				+ pathTemplates());
	}

	/**
	 * Validates a request body against the schema of an operation's request body.
	 * @param method the HTTP method, e.g. {@code POST}
	 * @param path a path template or a concrete path
	 * @param json the request body
	 * @return the violations, empty if the body conforms
	 * @throws IllegalArgumentException if the operation is not declared or has no JSON
	 * request body
	 */
	public List<String> validateRequest(String method, String path, String json) {
		Located operation = operation(method, path);
		Located body = resolve(operation.child("requestBody"));
		if (body.node().isMissingNode()) {
			throw new IllegalArgumentException(operation.label() + " declares no request body");
		}
		Located content = body.child("content").child(MEDIA_TYPE);
		if (content.node().isMissingNode()) {
			throw new IllegalArgumentException(operation.label() + " declares no " + MEDIA_TYPE + " request body");
		}
		return validate(content.child("schema"), json);
	}

	/**
	 * Validates a response body against the schema of one of an operation's responses.
	 * The response is looked up by the exact status, then by its range ({@code 4XX}),
	 * then as {@code default}. A response that declares no body accepts only an empty
	 * one.
	 * @param method the HTTP method, e.g. {@code GET}
	 * @param path a path template or a concrete path
	 * @param status the HTTP status
	 * @param json the response body; {@code null} or empty for none
	 * @return the violations, empty if the body conforms
	 * @throws IllegalArgumentException if the operation or the status is not declared
	 */
	public List<String> validateResponse(String method, String path, int status, String json) {
		return validateResponseOf(operation(method, path), status, json);
	}

	/**
	 * Validates the body of an event Specora posts to a webhook endpoint against
	 * {@link #EVENT_WEBHOOK}'s request-body schema.
	 * @param json the event body
	 * @return the violations, empty if the body conforms
	 */
	public List<String> validateWebhookEvent(String json) {
		Located webhook = webhookOperation(EVENT_WEBHOOK);
		return validate(resolve(webhook.child("requestBody")).child("content").child(MEDIA_TYPE).child("schema"),
				json);
	}

	/**
	 * Validates a response of the application's webhook endpoint against
	 * {@link #EVENT_WEBHOOK}'s declared responses.
	 * @param status the HTTP status
	 * @param json the response body; {@code null} or empty for none
	 * @return the violations, empty if the body conforms
	 * @throws IllegalArgumentException if the status is not declared
	 */
	public List<String> validateWebhookResponse(int status, String json) {
		return validateResponseOf(webhookOperation(EVENT_WEBHOOK), status, json);
	}

	/**
	 * Validates JSON against one of the document's component schemas.
	 * @param schemaName the name under {@code components/schemas}, e.g.
	 * {@code EnforceRequest}
	 * @param json the JSON to validate
	 * @return the violations, empty if the JSON conforms
	 * @throws IllegalArgumentException if the schema is not declared
	 */
	public List<String> validateSchema(String schemaName, String json) {
		Located schema = root().child("components").child("schemas").child(schemaName);
		if (schema.node().isMissingNode()) {
			throw new IllegalArgumentException("The contract declares no schema '" + schemaName + "'");
		}
		return validate(schema, json);
	}

	/**
	 * Asserts that a request body conforms to the contract.
	 * @param method the HTTP method
	 * @param path a path template or a concrete path
	 * @param json the request body
	 * @throws AssertionError listing the violations if it does not conform
	 * @see #validateRequest(String, String, String)
	 */
	public void assertValidRequest(String method, String path, String json) {
		check(validateRequest(method, path, json), "request body of " + operation(method, path).label(), json);
	}

	/**
	 * Asserts that a response body conforms to the contract.
	 * @param method the HTTP method
	 * @param path a path template or a concrete path
	 * @param status the HTTP status
	 * @param json the response body; {@code null} or empty for none
	 * @throws AssertionError listing the violations if it does not conform
	 * @see #validateResponse(String, String, int, String)
	 */
	public void assertValidResponse(String method, String path, int status, String json) {
		check(validateResponse(method, path, status, json),
				status + " response body of " + operation(method, path).label(), json);
	}

	/**
	 * Asserts that a webhook event body conforms to the contract.
	 * @param json the event body
	 * @throws AssertionError listing the violations if it does not conform
	 * @see #validateWebhookEvent(String)
	 */
	public void assertValidWebhookEvent(String json) {
		check(validateWebhookEvent(json), "webhook event", json);
	}

	private List<String> validateResponseOf(Located operation, int status, String json) {
		Located responses = operation.child("responses");
		Located response = responses.child(Integer.toString(status));
		if (response.node().isMissingNode()) {
			response = responses.child((status / 100) + "XX");
		}
		if (response.node().isMissingNode()) {
			response = responses.child("default");
		}
		if (response.node().isMissingNode()) {
			throw new IllegalArgumentException(operation.label() + " declares no " + status + " response; declared: "
					+ new ArrayList<>(responses.node().propertyNames()));
		}
		Located content = resolve(response).child("content").child(MEDIA_TYPE);
		if (content.node().isMissingNode()) {
			return (json == null || json.isBlank()) ? List.of()
					: List.of("$: the " + status + " response of " + operation.label() + " has no body, but got one");
		}
		return validate(content.child("schema"), json);
	}

	private List<String> validate(Located schemaLocation, String json) {
		if (json == null || json.isBlank()) {
			return List.of("$: the body is empty, but the contract requires a JSON body");
		}
		JsonNode instance;
		try {
			instance = this.jsonMapper.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of("$: the body is not valid JSON: " + ex.getOriginalMessage());
		}
		// the registry caches schemas by location
		Schema schema = this.schemaRegistry.getSchema(schemaLocation.location());
		// distinct: a constraint reached through two paths is reported once
		Set<String> violations = new LinkedHashSet<>();
		for (Error error : schema.validate(instance)) {
			violations.add(error.toString());
		}
		return List.copyOf(violations);
	}

	private Located operation(String method, String path) {
		if (method == null || method.isBlank()) {
			throw new IllegalArgumentException("method must not be empty");
		}
		String template = pathTemplateOf(path);
		Located operation = root().child("paths").child(template).child(method.toLowerCase(Locale.ROOT));
		if (operation.node().isMissingNode()) {
			throw new IllegalArgumentException("The contract declares no " + method.toUpperCase(Locale.ROOT) + " "
					+ template + "; declared methods: " + methods(template));
		}
		return operation.labelled(method.toUpperCase(Locale.ROOT) + " " + template);
	}

	private Located webhookOperation(String name) {
		Located operation = root().child("webhooks").child(name).child("post");
		if (operation.node().isMissingNode()) {
			throw new IllegalStateException("The contract declares no webhook '" + name + "'");
		}
		return operation.labelled("webhook " + name);
	}

	private Located root() {
		return new Located(this.document, SchemaLocation.of(DOCUMENT_IRI + "#"), "document");
	}

	/**
	 * Follows OpenAPI {@code $ref}s to components (responses, request bodies) within
	 * the document. Schema {@code $ref}s are left to the validator.
	 */
	private Located resolve(Located located) {
		Located current = located;
		for (int hops = 0; hops < 10; hops++) {
			JsonNode ref = current.node().get("$ref");
			if (ref == null || !ref.isString()) {
				return current;
			}
			String pointer = ref.asString();
			if (!pointer.startsWith("#/")) {
				throw new IllegalStateException("Only local $refs are supported, found '" + pointer + "'");
			}
			Located target = root();
			for (String token : pointer.substring(2).split("/", -1)) {
				target = target.child(token.replace("~1", "/").replace("~0", "~"));
			}
			if (target.node().isMissingNode()) {
				throw new IllegalStateException("Unresolvable $ref '" + pointer + "' at " + current.label());
			}
			current = target.labelled(current.label());
		}
		throw new IllegalStateException("Too many nested $refs at " + located.label());
	}

	private static boolean matches(String template, String path) {
		String[] expected = template.split("/", -1);
		String[] actual = path.split("/", -1);
		if (expected.length != actual.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}");
			if (parameter ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
				return false;
			}
		}
		return true;
	}

	private static void check(List<String> violations, String what, String json) {
		if (violations.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder("The ").append(what).append(" violates the contract:");
		for (String violation : violations) {
			message.append("\n  - ").append(violation);
		}
		String body = String.valueOf(json);
		message.append("\nbody: ")
			.append((body.length() > MAX_BODY_IN_MESSAGE) ? body.substring(0, MAX_BODY_IN_MESSAGE) + "..." : body);
		throw new AssertionError(message.toString());
	}

	private static JsonNode readDocument() {
		ClassLoader classLoader = OpenApiContract.class.getClassLoader();
		try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("OpenAPI document not found on the class path: " + RESOURCE);
			}
			String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return YAMLMapper.builder().build().readTree(yaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot parse " + RESOURCE + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * A node of the document with its schema location and a label for messages.
	 */
	private record Located(JsonNode node, SchemaLocation location, String label) {

		Located child(String name) {
			return new Located(this.node.path(name), this.location.append(name), this.label);
		}

		Located labelled(String newLabel) {
			return new Located(this.node, this.location, newLabel);
		}

	}

	/**
	 * The English messages of the validator, read from the validator's own jar. The
	 * validator looks its messages up as a class-path resource bundle, and another
	 * bundle of that name may come first on a test class path (WireMock's standalone
	 * jar carries an older one whose patterns take other arguments).
	 */
	private static final class ValidatorMessages implements MessageSource {

		private static final String BUNDLE = "jsv-messages.properties";

		private final Properties patterns;

		private ValidatorMessages(Properties patterns) {
			this.patterns = patterns;
		}

		static ValidatorMessages load() {
			CodeSource codeSource = SchemaRegistry.class.getProtectionDomain().getCodeSource();
			if (codeSource == null) {
				throw new IllegalStateException("Cannot locate the JSON Schema validator's jar for its messages");
			}
			Properties patterns = new Properties();
			try {
				URI location = codeSource.getLocation().toURI();
				URL bundle = location.getPath().endsWith(".jar") ? URI.create("jar:" + location + "!/" + BUNDLE).toURL()
						: location.resolve(BUNDLE).toURL();
				try (InputStream in = bundle.openStream()) {
					patterns.load(in);
				}
			}
			catch (IOException | URISyntaxException ex) {
				throw new IllegalStateException("Cannot read the JSON Schema validator's messages", ex);
			}
			return new ValidatorMessages(patterns);
		}

		@Override
		public String getMessage(String key, Supplier<String> defaultMessageSupplier, Locale locale, Object... args) {
			String pattern = this.patterns.getProperty(key);
			if (pattern == null) {
				pattern = (defaultMessageSupplier != null) ? defaultMessageSupplier.get() : key;
			}
			return (args == null || args.length == 0) ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
		}

	}

	private static final class Holder {

		static final OpenApiContract INSTANCE = new OpenApiContract(readDocument());

	}

}
