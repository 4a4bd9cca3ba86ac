package ai.specora.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the start-up of one of {@link StartupBenchmark}'s applications goes: starts it
 * once, in this JVM, with Spring's {@link BufferingApplicationStartup}, and prints the
 * slowest bean instantiations (each includes the beans it creates on the way). The CPU
 * time of the starting thread is a steadier measure than the wall time on a machine whose
 * cores are shared with the JIT compiler's threads.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar ai.specora.benchmarks.StartupSteps starter}
 * (or {@code none}, {@code none-100}, {@code proxy-100}, {@code starter-100}); add
 * {@code -Dspecora.warm-up=false} to leave the client cold.
 */
public final class StartupSteps {

	private static final int SHOWN = 15;

	private StartupSteps() {
	}

	/**
	 * Starts the application named by the first argument and prints its slowest steps.
	 * @param args the application, as {@link StartupBenchmark#application}
	 */
	public static void main(String[] args) {
		String application = (args.length > 0) ? args[0] : "starter";
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		long startedAt = System.nanoTime();
		SpringApplicationBuilder builder = StartupBenchmark.application(application).applicationStartup(startup);
		try (ConfigurableApplicationContext context = builder.run()) {
			System.out.printf("%s: started in %d ms, %d ms of this thread's CPU, %d classes loaded%n", application,
					(System.nanoTime() - startedAt) / 1_000_000,
					ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000,
					ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
			List<StartupTimeline.TimelineEvent> events = new ArrayList<>(startup.getBufferedTimeline().getEvents());
			events.sort(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed());
			events.stream()
				.filter((event) -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
				.limit(SHOWN)
				.forEach((event) -> System.out.printf("%6d ms  %s%n", event.getDuration().toMillis(),
						StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
							.filter((tag) -> tag.getKey().equals("beanName"))
							.map((tag) -> tag.getValue())
							.collect(Collectors.joining())));
		}
	}

}
