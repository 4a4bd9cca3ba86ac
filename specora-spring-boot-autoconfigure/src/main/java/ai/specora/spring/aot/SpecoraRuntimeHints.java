package ai.specora.spring.aot;

import ai.specora.spring.Enforced;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;
import ai.specora.spring.autoconfigure.SpecoraProperties;
import ai.specora.spring.autoconfigure.localauthority.SpecoraLocalAuthorityProperties;
import ai.specora.spring.autoconfigure.observation.SpecoraMetricsProperties;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookProperties;
import ai.specora.spring.enforcement.EnforcedExpressionRoot;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * The reflection the starter itself needs in a native image:
 * <ul>
 * <li>the attributes of {@link Enforced}, read reflectively through Spring's merged
 * annotations, and the enums they hold;</li>
 * <li>{@link EnforcedExpressionRoot}, whose properties ({@code #root.method},
 * {@code #root.args}...) SpEL reads reflectively;</li>
 * <li>the configuration properties, also where the starter binds them itself with a
 * {@code Binder} (such as {@code specora.webhook} for the local authority).</li>
 * </ul>
 * What depends on the application (its {@code @Enforced} beans, their meta-annotations
 * and interfaces) is registered by {@link EnforcedBeansAotProcessor}. Both are
 * registered through {@code META-INF/spring/aot.factories}.
 */
final class SpecoraRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.reflection().registerType(Enforced.class, MemberCategory.INVOKE_DECLARED_METHODS,
				MemberCategory.INVOKE_PUBLIC_METHODS);
		hints.reflection().registerType(OnSuspend.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		hints.reflection().registerType(EnforcedFailMode.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		hints.reflection().registerType(EnforcedExpressionRoot.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		BindableRuntimeHintsRegistrar
			.forTypes(SpecoraProperties.class, SpecoraWebhookProperties.class, SpecoraLocalAuthorityProperties.class,
					SpecoraMetricsProperties.class)
			.registerHints(hints, classLoader);
	}

}
