package ai.specora.benchmarks;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@linkplain ai.specora.benchmarks.shape.ImportStarterShape starter's shape} stays
 * the starter's shape: in a minimal application it adds as many beans as the starter
 * (besides the application class that imports it), and its auto-configurations come to
 * the same conditions with the same outcomes. A change to the starter's beans or
 * auto-configurations fails this test until the shape follows.
 */
class StarterShapeTests {

	@Test
	void addsAsManyBeansAsTheStarter() {
		Set<String> none = beanNames("none");
		List<String> starter = added(beanNames("starter"), none);
		List<String> shape = added(beanNames("shape"), none);
		assertThat(shape).contains("startupBenchmark.WithStarterShape");
		assertThat(shape).hasSize(starter.size() + 1);
	}

	@Test
	void evaluatesAsManyConditionsWithTheSameOutcomes() {
		long[] starter = conditions("starter", "ai.specora.spring.");
		long[] shape = conditions("shape", "ai.specora.benchmarks.shape.");
		assertThat(shape).as("conditions evaluated, matched").containsExactly(starter);
	}

	private static Set<String> beanNames(String application) {
		try (ConfigurableApplicationContext context = run(application)) {
			return Set.of(context.getBeanDefinitionNames());
		}
	}

	private static List<String> added(Set<String> names, Set<String> none) {
		return names.stream().filter((name) -> !none.contains(name)).sorted().toList();
	}

	private static long[] conditions(String application, String prefix) {
		try (ConfigurableApplicationContext context = run(application)) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			ConditionEvaluationReport report = ConditionEvaluationReport.get(beanFactory);
			long[] counts = new long[2];
			report.getConditionAndOutcomesBySource().forEach((source, outcomes) -> {
				if (source.startsWith(prefix)) {
					outcomes.forEach((outcome) -> {
						counts[0]++;
						counts[1] += outcome.getOutcome().isMatch() ? 1 : 0;
					});
				}
			});
			return counts;
		}
	}

	private static ConfigurableApplicationContext run(String application) {
		return StartupBenchmark.application(application).properties("specora.warm-up=false").run();
	}

}
