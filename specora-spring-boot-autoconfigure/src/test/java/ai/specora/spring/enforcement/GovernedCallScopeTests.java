package ai.specora.spring.enforcement;

import java.util.concurrent.CompletableFuture;

import ai.specora.client.Decision;
import ai.specora.client.DecisionSource;
import ai.specora.client.EnforcementResult;
import ai.specora.client.SpecoraClient;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.enforcement.GovernedServices.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link GovernedCallScope}: an {@code @Enforced} method entered inside a scope runs on
 * the scope's decision, without a second round trip or completion; the methods it calls
 * are governed as usual.
 */
@SpringBootTest(classes = GovernedCallScopeTests.Config.class, properties = "specora.enforcement.completion.mode=sync")
@DirtiesContext
class GovernedCallScopeTests {

	static final Authority authority = new Authority().start();

	static final EnforcementResult OUTER = new EnforcementResult(Decision.ALLOW, "tool", "jrn_outer", "req_outer",
			null, null, null, null, null, DecisionSource.AUTHORITY, null);

	@Autowired
	Tools tools;

	@BeforeEach
	void reset() {
		authority.reset();
		this.tools.runs().set(0);
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void enforcedMethodInsideAScopeAsksNoDecisionAndSendsNoCompletion() {
		authority.block("plain", "jrn_blocked", "never asked");
		try (GovernedCallScope scope = GovernedCallScope.open(OUTER)) {
			assertThat(this.tools.write("users", 1, 0)).isEqualTo("written");
			assertThat(scope.isClaimed()).isTrue();
		}
		assertThat(this.tools.runs()).hasValue(1);
		assertThat(authority.enforcements()).isEmpty();
		assertThat(authority.completions()).isEmpty();
	}

	@Test
	void onlyTheFirstEnforcedMethodIsCoveredByTheScope() {
		authority.allow("plain", "jrn_second");
		try (GovernedCallScope scope = GovernedCallScope.open(OUTER)) {
			this.tools.write("users", 1, 0);
			this.tools.write("users", 2, 0);
		}
		assertThat(this.tools.runs()).hasValue(2);
		assertThat(authority.enforcements()).hasSize(1);
		assertThat(authority.completionsOf("jrn_second")).hasSize(1);
	}

	@Test
	void withoutAScopeTheMethodIsGoverned() {
		authority.allow("plain", "jrn_plain");
		this.tools.write("users", 1, 0);
		assertThat(authority.enforcements()).hasSize(1);
		assertThat(GovernedCallScope.currentDecision()).isNull();
	}

	@Test
	void closingRestoresTheEnclosingScope() {
		EnforcementResult inner = new EnforcementResult(Decision.ALLOW, "inner", "jrn_inner", "req_inner", null, null,
				null, null, null, DecisionSource.AUTHORITY, null);
		try (GovernedCallScope outer = GovernedCallScope.open(OUTER)) {
			try (GovernedCallScope nested = GovernedCallScope.open(inner)) {
				assertThat(GovernedCallScope.currentDecision()).isSameAs(inner);
				assertThat(GovernedCallScope.claim()).isTrue();
				assertThat(GovernedCallScope.claim()).isFalse();
			}
			assertThat(GovernedCallScope.currentDecision()).isSameAs(OUTER);
			assertThat(GovernedCallScope.claim()).isTrue();
		}
		assertThat(GovernedCallScope.currentDecision()).isNull();
		assertThat(GovernedCallScope.claim()).isFalse();
	}

	@Test
	void scopeIsBoundToItsThread() throws Exception {
		try (GovernedCallScope scope = GovernedCallScope.open(OUTER)) {
			assertThat(CompletableFuture.supplyAsync(GovernedCallScope::currentDecision).get()).isNull();
			assertThatIllegalStateException().isThrownBy(() -> {
				try {
					CompletableFuture.runAsync(scope::close).join();
				}
				catch (java.util.concurrent.CompletionException ex) {
					throw (RuntimeException) ex.getCause();
				}
			}).withMessageContaining("thread that opened it");
		}
	}

	@Test
	void scopeNeedsADecision() {
		assertThatNullPointerException().isThrownBy(() -> GovernedCallScope.open(null))
			.withMessageContaining("decision");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SpecoraEnforcementAutoConfiguration.class)
	static class Config {

		@Bean
		SpecoraClient specoraClient() {
			return authority.client();
		}

		@Bean
		Tools tools() {
			return new Tools();
		}

	}

}
