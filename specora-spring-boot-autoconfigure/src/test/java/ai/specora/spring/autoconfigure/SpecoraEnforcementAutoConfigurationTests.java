package ai.specora.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraClient;
import ai.specora.runtime.ApprovalWaiter;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.runtime.SyncCompletionDispatcher;
import ai.specora.spring.Enforced;
import ai.specora.spring.enforcement.Authority;
import ai.specora.spring.enforcement.EnforcedMethodDefinitionException;
import ai.specora.spring.enforcement.EnforcedMethodRegistry;
import ai.specora.spring.enforcement.EnforcedParameterNamesException;
import ai.specora.spring.enforcement.EnforcementAdvisor;
import ai.specora.spring.enforcement.GovernedServices.Tools;
import ai.specora.spring.enforcement.GovernedServices;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.PrioritizedParameterNameDiscoverer;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When the {@code @Enforced} machinery is configured, how it backs off, where it sits
 * relative to transactions, and how wrong declarations fail start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpecoraEnforcementAutoConfigurationTests {

	static final Authority authority = new Authority().start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class))
		.withPropertyValues("specora.enforcement.completion.mode=sync");

	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void notConfiguredWithoutAClient() {
		this.runner.withUserConfiguration(ToolsConfig.class).run((context) -> {
			assertThat(context).doesNotHaveBean(EnforcementAdvisor.class);
			assertThat(AopUtils.isAopProxy(context.getBean(Tools.class))).isFalse();
		});
	}

	@Test
	void proxiesGovernedBeansWithOnlyThisAutoConfiguration() {
		this.runner.withUserConfiguration(ClientConfig.class, ToolsConfig.class).run((context) -> {
			assertThat(context).hasSingleBean(EnforcementAdvisor.class);
			assertThat(context).hasBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME);
			assertThat(AopUtils.isAopProxy(context.getBean(Tools.class))).isTrue();
			assertThat(context.getBean(EnforcementAdvisor.class).getOrder())
				.isEqualTo(SpecoraProperties.DEFAULT_ENFORCEMENT_ORDER);
			assertThat(context).getBean(CompletionDispatcher.class).isInstanceOf(SyncCompletionDispatcher.class);
		});
	}

	@Test
	void proxiesGovernedBeansInAPlainBootApplication() {
		this.runner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.aspectj"))
			.withUserConfiguration(ClientConfig.class, ToolsConfig.class)
			.run((context) -> {
				Tools tools = context.getBean(Tools.class);
				assertThat(AopUtils.isCglibProxy(tools)).isTrue();
				authority.block("plain", "jrn_1", "no");
				assertThatExceptionOfType(SpecoraBlockedException.class).isThrownBy(() -> tools.write("t", 1, 0));
			});
	}

	@Test
	void disabledByProperty() {
		this.runner.withUserConfiguration(ClientConfig.class, ToolsConfig.class)
			.withPropertyValues("specora.enforcement.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EnforcementAdvisor.class);
				assertThat(AopUtils.isAopProxy(context.getBean(Tools.class))).isFalse();
			});
	}

	@Test
	void governedMethodsWithoutAClientFailStartUp() {
		this.runner.withConfiguration(AutoConfigurations.of(SpecoraEnforcementCheckAutoConfiguration.class))
			.withUserConfiguration(ToolsConfig.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(SpecoraConfigurationException.class)
					.hasMessageContaining("The @Enforced methods of beans [tools] cannot be governed")
					.hasMessageContaining("no SpecoraClient bean");
				FailureAnalysis analysis = new SpecoraConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("specora.enforcement.enabled=false");
			});
	}

	@Test
	void governedMethodsTurnedOffOnPurposeAreNamedInAWarning(CapturedOutput output) {
		this.runner.withConfiguration(AutoConfigurations.of(SpecoraEnforcementCheckAutoConfiguration.class))
			.withUserConfiguration(ToolsConfig.class)
			.withPropertyValues("specora.enforcement.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("specora.enforcement.enabled=false: the @Enforced methods of beans "
						+ "[tools] run ungoverned");
			});
	}

	@Test
	void checkIsQuietWhenEnforcementIsActiveOrNothingIsGoverned(CapturedOutput output) {
		this.runner.withConfiguration(AutoConfigurations.of(SpecoraEnforcementCheckAutoConfiguration.class))
			.withUserConfiguration(ClientConfig.class, ToolsConfig.class)
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withConfiguration(AutoConfigurations.of(SpecoraEnforcementCheckAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withConfiguration(AutoConfigurations.of(SpecoraEnforcementCheckAutoConfiguration.class))
			.withUserConfiguration(ToolsConfig.class)
			.withPropertyValues("specora.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("run ungoverned");
	}

	@Test
	void orderComesFromTheProperty() {
		this.runner.withUserConfiguration(ClientConfig.class)
			.withPropertyValues("specora.enforcement.order=42")
			.run((context) -> assertThat(context.getBean(EnforcementAdvisor.class).getOrder()).isEqualTo(42));
	}

	@Test
	void asyncCompletionDeliveryIsTheDefault() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class))
			.withUserConfiguration(ClientConfig.class)
			.withPropertyValues("specora.enforcement.completion.queue-capacity=5")
			.run((context) -> assertThat(context).getBean(CompletionDispatcher.class)
				.isInstanceOf(AsyncCompletionDispatcher.class)
				.hasToString("AsyncCompletionDispatcher[capacity=5, pending=0, inFlight=0]"));
	}

	@Test
	void backsOffFromUserBeans() {
		this.runner.withUserConfiguration(ClientConfig.class, UserBeansConfig.class).run((context) -> {
			assertThat(context).getBean(CompletionDispatcher.class).isSameAs(UserBeansConfig.dispatcher);
			assertThat(context).getBean(ApprovalWaiter.class).isSameAs(context.getBean("userWaiter"));
		});
	}

	@Test
	void methodFailModeClosedOverridesAFailOpenClient() {
		this.runner.withUserConfiguration(FailOpenClientConfig.class, ToolsConfig.class).run((context) -> {
			authority.unavailable("closed_method");
			authority.unavailable("plain");
			Tools tools = context.getBean(Tools.class);
			assertThatExceptionOfType(FailClosedException.class).isThrownBy(tools::failClosed)
				.withMessageContaining("fail-closed");
			assertThat(tools.write("t", 1, 0)).isEqualTo("written");
			assertThat(authority.completions()).isEmpty();
		});
	}

	@Test
	void blockedCallOpensNoTransaction() {
		this.runner.withUserConfiguration(ClientConfig.class, TransactionalConfig.class).run((context) -> {
			CountingTransactionManager transactions = context.getBean(CountingTransactionManager.class);
			TransactionalTools tools = context.getBean(TransactionalTools.class);
			authority.block("tx_write", "jrn_tx", "no");
			assertThatExceptionOfType(SpecoraBlockedException.class).isThrownBy(tools::write);
			assertThat(transactions.begun).hasValue(0);
			authority.allow("tx_write", "jrn_tx");
			tools.write();
			assertThat(transactions.begun).hasValue(1);
			assertThat(transactions.enforcementsSeenAtBegin).containsExactly(2);
		});
	}

	@Test
	void enforcementOrderedAfterTransactionsRunsInsideThem() {
		this.runner.withUserConfiguration(ClientConfig.class, EarlyTransactionsConfig.class)
			.run((context) -> {
				authority.block("tx_write", "jrn_tx", "no");
				assertThatExceptionOfType(SpecoraBlockedException.class)
					.isThrownBy(context.getBean(TransactionalTools.class)::write);
				assertThat(context.getBean(CountingTransactionManager.class).begun).hasValue(1);
			});
	}

	@Test
	void emptyScopeFailsStartUp() {
		assertStartUpFailure(EmptyScopeConfig.class, EnforcedMethodDefinitionException.Problem.EMPTY_ATTRIBUTE,
				"attribute 'scope'", "Set 'scope' of @Enforced on");
	}

	@Test
	void invalidExpressionFailsStartUp() {
		assertStartUpFailure(BadExpressionConfig.class, EnforcedMethodDefinitionException.Problem.INVALID_EXPRESSION,
				"BadExpression.run(String), attribute 'args'", "Correct the SpEL expression of 'args'");
	}

	@Test
	void requestIdNamingAnUnknownParameterFailsStartUp() {
		assertStartUpFailure(BadRequestIdConfig.class, EnforcedMethodDefinitionException.Problem.UNKNOWN_VARIABLE,
				"BadRequestId.run(String), attribute 'requestId'", "#p0, #a0");
	}

	@Test
	void unknownParameterFailsStartUp() {
		assertStartUpFailure(UnknownParameterConfig.class, EnforcedMethodDefinitionException.Problem.UNKNOWN_VARIABLE,
				"#tenant, which is not a parameter of the method [name]", "#p0, #a0");
	}

	@Test
	void unsupportedReturnTypeFailsStartUp() {
		assertStartUpFailure(UnsupportedReturnTypeConfig.class,
				EnforcedMethodDefinitionException.Problem.UNSUPPORTED_RETURN_TYPE, "java.util.concurrent.Future",
				"Return a plain value");
	}

	@Test
	void competingAnnotationsFailStartUp() {
		assertStartUpFailure(CompetingConfig.class, EnforcedMethodDefinitionException.Problem.COMPETING_ANNOTATIONS,
				"@DbWrite (composed), @FileWrite (composed)", "Keep a single @Enforced");
	}

	@Test
	void missingParameterNamesFailStartUpWithAdvice() {
		this.runner.withUserConfiguration(ClientConfig.class, NoParameterNamesConfig.class).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = analyze(failure);
			assertThat(analysis.getDescription()).contains("refers to the parameter #name")
				.contains("compiled without parameter names");
			assertThat(analysis.getAction()).contains("-parameters").contains("#p0");
			assertThat(analysis.getCause()).isInstanceOf(EnforcedParameterNamesException.class);
		});
	}

	private void assertStartUpFailure(Class<?> config, EnforcedMethodDefinitionException.Problem problem,
			String description, String action) {
		this.runner.withUserConfiguration(ClientConfig.class, config).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getCause()).isInstanceOfSatisfying(EnforcedMethodDefinitionException.class,
					(ex) -> assertThat(ex.getProblem()).isEqualTo(problem));
			assertThat(analysis.getDescription()).contains(description);
			assertThat(analysis.getAction()).contains(action);
		});
	}

	@Test
	void autoConfigurationAndFailureAnalyzersAreRegistered() throws IOException {
		assertThat(resourcesContaining("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
				SpecoraGovernanceAutoConfiguration.class.getName()))
			.isTrue();
		assertThat(resourcesContaining("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
				SpecoraEnforcementAutoConfiguration.class.getName()))
			.isTrue();
		assertThat(resourcesContaining("META-INF/spring.factories",
				EnforcedMethodDefinitionFailureAnalyzer.class.getName()))
			.isTrue();
		assertThat(resourcesContaining("META-INF/spring.factories",
				EnforcedParameterNamesFailureAnalyzer.class.getName()))
			.isTrue();
	}

	private static boolean resourcesContaining(String location, String text) throws IOException {
		Enumeration<URL> resources = SpecoraEnforcementAutoConfigurationTests.class.getClassLoader()
			.getResources(location);
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text)) {
					return true;
				}
			}
		}
		return false;
	}

	private static FailureAnalysis analyze(Throwable failure) {
		List<FailureAnalyzer> analyzers = List.of(new EnforcedMethodDefinitionFailureAnalyzer(),
				new EnforcedParameterNamesFailureAnalyzer());
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null && analysis.getCause() instanceof EnforcedMethodDefinitionException) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis for " + failure, failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfig {

		@Bean
		SpecoraClient specoraClient() {
			return authority.client();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailOpenClientConfig {

		@Bean
		SpecoraClient specoraClient() {
			return authority.client(FailMode.OPEN);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ToolsConfig {

		@Bean
		Tools tools() {
			return new Tools();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeansConfig {

		static final CompletionDispatcher dispatcher = new CompletionDispatcher() {

			@Override
			public java.util.concurrent.CompletionStage<Void> dispatch(String journalId,
					ai.specora.client.Completion completion) {
				return java.util.concurrent.CompletableFuture.completedFuture(null);
			}

			@Override
			public java.util.concurrent.CompletionStage<Void> dispatchExecutionRecord(
					ai.specora.client.platform.ExecutionRecordRequest record) {
				return java.util.concurrent.CompletableFuture.completedFuture(null);
			}

			@Override
			public int pendingCount() {
				return 0;
			}

		};

		@Bean
		CompletionDispatcher userDispatcher() {
			return dispatcher;
		}

		@Bean
		ApprovalWaiter userWaiter(SpecoraClient client) {
			return new ApprovalWaiter(client.reactive());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement(order = 0)
	static class EarlyTransactionsConfig extends TransactionalBeans {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class TransactionalConfig extends TransactionalBeans {

	}

	static class TransactionalBeans {

		@Bean
		CountingTransactionManager transactionManager() {
			return new CountingTransactionManager();
		}

		@Bean
		TransactionalTools transactionalTools() {
			return new TransactionalTools();
		}

	}

	public static class TransactionalTools {

		@Transactional
		@Enforced(actionType = "tx_write", scope = "{'table': 'orders'}")
		public void write() {
		}

	}

	static final class CountingTransactionManager extends AbstractPlatformTransactionManager
			implements PlatformTransactionManager {

		final AtomicInteger begun = new AtomicInteger();

		final List<Integer> enforcementsSeenAtBegin = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.begun.incrementAndGet();
			this.enforcementsSeenAtBegin.add(authority.enforcements().size());
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

	public static class EmptyScope {

		@Enforced(actionType = "x", scope = "")
		public void run() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyScopeConfig {

		@Bean
		EmptyScope emptyScope() {
			return new EmptyScope();
		}

	}

	public static class BadExpression {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", args = "{'k': #name")
		public void run(String name) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadExpressionConfig {

		@Bean
		BadExpression badExpression() {
			return new BadExpression();
		}

	}

	public static class BadRequestId {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", requestId = "#refund.id")
		public void run(String name) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadRequestIdConfig {

		@Bean
		BadRequestId badRequestId() {
			return new BadRequestId();
		}

	}

	public static class UnknownParameter {

		@Enforced(actionType = "x", scope = "{'tenant': #tenant}")
		public void run(String name) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownParameterConfig {

		@Bean
		UnknownParameter unknownParameter() {
			return new UnknownParameter();
		}

	}

	public static class UnsupportedReturnType {

		@Enforced(actionType = "x", scope = "{'k': 'v'}")
		public Future<String> run() {
			return null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnsupportedReturnTypeConfig {

		@Bean
		UnsupportedReturnType unsupportedReturnType() {
			return new UnsupportedReturnType();
		}

	}

	public static class Competing {

		@GovernedServices.DbWrite
		@GovernedServices.FileWrite
		public void save(String table) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CompetingConfig {

		@Bean
		Competing competing() {
			return new Competing();
		}

	}

	public static class NamedParameter {

		@Enforced(actionType = "x", scope = "{'name': #name}")
		public void run(String name) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoParameterNamesConfig {

		@Bean
		static EnforcedMethodRegistry enforcedMethodRegistry() {
			return new EnforcedMethodRegistry(null, new PrioritizedParameterNameDiscoverer(),
					ReactiveAdapterRegistry.getSharedInstance());
		}

		@Bean
		NamedParameter namedParameter() {
			return new NamedParameter();
		}

	}

}
