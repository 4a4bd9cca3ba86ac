package ai.specora.client.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's wire records can be mapped in a native image: Spring's AOT processing
 * finds {@link PlatformRuntimeHints} through {@code aot.factories}, and it registers
 * every record of {@link PlatformWire}.
 */
class PlatformRuntimeHintsTest {

	@Test
	void aotFactoriesRegisterThePlatformHints() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(PlatformRuntimeHints.class);
	}

	@Test
	void everyWireRecordCanBeMapped() {
		RuntimeHints hints = new RuntimeHints();
		new PlatformRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(PlatformWire.PreAuthorizationBody.class, "authorizationId")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PlatformWire.PolicyCheckBody.class, "subject"))
			.accepts(hints);
		for (Class<?> type : PlatformWire.class.getDeclaredClasses()) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(hints);
		}
	}

}
