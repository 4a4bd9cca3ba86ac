package ai.specora.spring.aot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import ai.specora.client.SpecoraClientRuntimeHints;
import ai.specora.localauthority.LocalAuthorityRuntimeHints;
import ai.specora.spring.Enforced;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;
import ai.specora.spring.autoconfigure.SpecoraProperties;
import ai.specora.spring.autoconfigure.localauthority.SpecoraLocalAuthorityProperties;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookProperties;
import ai.specora.spring.enforcement.EnforcedExpressionRoot;
import org.junit.jupiter.api.Test;

import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.Advised;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.DecoratingProxy;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints of the starter, checked with {@link RuntimeHintsPredicates}: what
 * it reflects on itself, what the application's {@code @Enforced} beans need, and that
 * Spring's AOT processing finds them through {@code aot.factories}.
 */
class SpecoraRuntimeHintsTests {

	@Test
	void aotFactoriesRegisterTheHintsOfEveryModule() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(SpecoraRuntimeHints.class)
			.hasAtLeastOneElementOfType(SpecoraClientRuntimeHints.class)
			.hasAtLeastOneElementOfType(LocalAuthorityRuntimeHints.class);
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor.class))
			.hasAtLeastOneElementOfType(EnforcedBeansAotProcessor.class);
	}

	@Test
	void annotationAttributesAndExpressionRootCanBeReadReflectively() {
		RuntimeHints hints = registered();
		assertThat(RuntimeHintsPredicates.reflection().onType(Enforced.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Enforced.class, "scope")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(OnSuspend.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(EnforcedFailMode.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(EnforcedExpressionRoot.class, "getArgs"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(EnforcedExpressionRoot.class, "getMethod"))
			.accepts(hints);
	}

	@Test
	void configurationPropertiesCanBeBound() {
		RuntimeHints hints = registered();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SpecoraWebhookProperties.class, "setSecrets"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SpecoraProperties.class, "setApiKey"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(SpecoraLocalAuthorityProperties.class, "setWebhookSecret")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(SpecoraProperties.Enforcement.class, "setOrder")).accepts(hints);
	}

	@Test
	void wireRecordsOfTheClientAndTheLocalAuthorityCanBeMapped() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new SpecoraClientRuntimeHints().registerHints(hints, getClass().getClassLoader());
		new LocalAuthorityRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation("ai.specora.client.Wire$DecisionBody",
				"decision")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation("ai.specora.client.Wire$EnforceBody",
				"actionType")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation("ai.specora.client.Wire$JournalBody",
				"approvalState")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation("ai.specora.localauthority.Wire$EnforceResponse", "journalId")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation("ai.specora.localauthority.PlatformWire$TraceLine", "record")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation("ai.specora.localauthority.PlatformWire$ConfidenceReport", "confidence"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ai.specora.client.webhook.ApprovalResolved.class, "approvalState")).accepts(hints);
	}

	@Test
	void enforcedBeansGetTheirMetaAnnotationsMethodsAndProxies() throws Exception {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("refunds", new RootBeanDefinition(RefundService.class));
		beanFactory.registerBeanDefinition("reports", new RootBeanDefinition(ReportService.class));
		beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(PlainService.class));
		BeanFactoryInitializationAotContribution contribution = new EnforcedBeansAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Application")), new InMemoryGeneratedFiles());
		contribution.applyTo(generationContext, null);
		RuntimeHints hints = generationContext.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onType(Refund.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Enforced.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethod(RefundService.class.getMethod("refund", String.class, long.class))
			.introspect()).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethod(ReportService.class.getMethod("report", String.class))
			.introspect()).accepts(hints);
		assertThat(RuntimeHintsPredicates.proxies()
			.forInterfaces(Refunds.class, SpringProxy.class, Advised.class, DecoratingProxy.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(PlainService.class)).rejects(hints);
	}

	@Test
	void applicationWithoutEnforcedBeansContributesNothing() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(PlainService.class));
		assertThat(new EnforcedBeansAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		new SpecoraRuntimeHints().registerHints(hints, SpecoraRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Enforced(actionType = "refund", scope = "{'customer': #customerId}")
	@interface Refund {

	}

	interface Refunds {

		void refund(String customerId, long cents);

	}

	static class RefundService implements Refunds {

		@Override
		@Refund
		public void refund(String customerId, long cents) {
		}

	}

	@Enforced(actionType = "report", scope = "{'name': #name}")
	static class ReportService {

		public String report(String name) {
			return name;
		}

	}

	static class PlainService {

		public void run() {
		}

	}

}
