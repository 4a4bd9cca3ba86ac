package ai.specora.localauthority.junit;

import java.util.Objects;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.LocalAuthoritySettings;

/**
 * Runs a {@link LocalAuthority} with scripted policies and budgets (runtime and
 * platform), model assignments and preferences for the tests of a
 * class. Registered on a {@code static} field it starts once before all the tests and
 * stops after them; on an instance field it starts afresh for each test, so journal and
 * budgets start empty.
 * <pre class="code">
 * &#64;RegisterExtension
 * static LocalAuthorityExtension authority = LocalAuthorityExtension.configure((settings) -&gt; settings
 *     .policy(PolicyRule.block("no-drops", "db_drop*", "dropping tables is never allowed"))
 *     .budget(BudgetRule.of("refunds", "refund", new BigDecimal("100"), null)));
 *
 * &#64;DynamicPropertySource
 * static void specora(DynamicPropertyRegistry registry) {
 *     registry.add("specora.base-url", authority::baseUrl);
 *     registry.add("specora.api-key", authority::apiKey);
 *     registry.add("specora.org-id", authority::orgId);
 * }
 * </pre>
 * Test methods can declare a {@link LocalAuthority} parameter to approve or deny
 * suspended actions.
 */
public final class LocalAuthorityExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	/** The API key the authority accepts unless the settings name another. */
	public static final String DEFAULT_API_KEY = "sk_test_local_authority";

	/** The organisation of the authority unless the settings name another. */
	public static final String DEFAULT_ORG_ID = "org_local";

	private final Consumer<LocalAuthoritySettings.Builder> customizer;

	private LocalAuthority authority;

	private boolean perClass;

	private LocalAuthorityExtension(Consumer<LocalAuthoritySettings.Builder> customizer) {
		this.customizer = customizer;
	}

	/**
	 * An authority that allows every action, with the {@link #DEFAULT_API_KEY} and
	 * {@link #DEFAULT_ORG_ID}.
	 * @return the extension
	 */
	public static LocalAuthorityExtension create() {
		return configure((settings) -> {
		});
	}

	/**
	 * An authority configured by the given customizer, which starts from the
	 * {@link #DEFAULT_API_KEY} and {@link #DEFAULT_ORG_ID} and can change them.
	 * @param customizer adds policies, budgets, a webhook URL and so on
	 * @return the extension
	 */
	public static LocalAuthorityExtension configure(Consumer<LocalAuthoritySettings.Builder> customizer) {
		return new LocalAuthorityExtension(Objects.requireNonNull(customizer, "customizer must not be null"));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.perClass = true;
		start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.authority == null) {
			start();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			stop();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == LocalAuthority.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return authority();
	}

	/**
	 * The running authority.
	 * @return the authority
	 * @throws IllegalStateException outside the tests the extension is registered for
	 */
	public LocalAuthority authority() {
		LocalAuthority current = this.authority;
		if (current == null) {
			throw new IllegalStateException("The local authority is not running: register the extension with "
					+ "@RegisterExtension and use it from the tests of that class");
		}
		return current;
	}

	/**
	 * The running authority's base URL, for {@code specora.base-url}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return authority().baseUrl();
	}

	/**
	 * The API key the running authority accepts, for {@code specora.api-key}.
	 * @return the API key
	 */
	public String apiKey() {
		return authority().settings().apiKey();
	}

	/**
	 * The running authority's organisation, for {@code specora.org-id}.
	 * @return the organisation id
	 */
	public String orgId() {
		return authority().settings().orgId();
	}

	/**
	 * The Model B vendor id the running authority requires, for
	 * {@code specora.vendor-id}.
	 * @return the vendor id, or {@code null} when the settings name none (any is
	 * accepted)
	 */
	public String vendorId() {
		return authority().settings().vendorId();
	}

	/**
	 * The Model B tenant id the running authority requires, for
	 * {@code specora.tenant-id}.
	 * @return the tenant id, or {@code null} when the settings name none (any is
	 * accepted)
	 */
	public String tenantId() {
		return authority().settings().tenantId();
	}

	private void start() {
		LocalAuthoritySettings.Builder builder = LocalAuthoritySettings.builder()
			.apiKey(DEFAULT_API_KEY)
			.orgId(DEFAULT_ORG_ID);
		this.customizer.accept(builder);
		this.authority = LocalAuthority.start(builder.build());
	}

	private void stop() {
		LocalAuthority current = this.authority;
		this.authority = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public String toString() {
		LocalAuthority current = this.authority;
		return "LocalAuthorityExtension[" + ((current != null) ? current.baseUrl() : "not running") + "]";
	}

}
