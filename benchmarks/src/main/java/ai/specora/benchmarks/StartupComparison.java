package ai.specora.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the start-up of {@link StartupBenchmark}'s applications in fresh JVMs started
 * in turn: one JVM of each application per round, in an order that rotates each round.
 * JMH runs every fork of one parameter before the next, so a slow stretch of a shared
 * machine falls on one application; here it falls on all of them alike.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar ai.specora.benchmarks.StartupComparison [rounds] [application...] [-- jvm-option...]}
 * (defaults: 20 rounds of {@code none} and {@code starter}; {@code none shape starter}
 * adds the {@linkplain ai.specora.benchmarks.shape.ImportStarterShape starter's shape};
 * each JVM with
 * {@code -Xms256m -Xmx256m} as in {@link StartupBenchmark}; a {@code --} with no option
 * after it leaves the JVM's defaults). Each JVM runs
 * {@link StartupSteps}, whose start-up time is what {@code StartupBenchmark} reports as
 * {@code startMs}; this prints the medians of the start-up, of the starting thread's
 * CPU time and of the classes loaded, their difference from the first application's, and
 * the median of the differences within each round.
 */
public final class StartupComparison {

	private static final Pattern STARTED = Pattern
		.compile("started in (\\d+) ms, (\\d+) ms of this thread's CPU, (\\d+) classes loaded");

	private static final long JVM_TIMEOUT_SECONDS = 120;

	private StartupComparison() {
	}

	/**
	 * Runs the comparison.
	 * @param args the rounds, the applications, and after {@code --} the JVM options
	 * @throws IOException when a JVM cannot be started
	 * @throws InterruptedException when interrupted while waiting for one
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		int rounds = 20;
		List<String> applications = new ArrayList<>();
		List<String> jvmOptions = new ArrayList<>();
		boolean options = false;
		for (String arg : args) {
			if (options) {
				jvmOptions.add(arg);
			}
			else if (arg.equals("--")) {
				options = true;
			}
			else if (arg.chars().allMatch(Character::isDigit)) {
				rounds = Integer.parseInt(arg);
			}
			else {
				applications.add(arg);
			}
		}
		if (applications.isEmpty()) {
			applications = List.of("none", "starter");
		}
		if (!options) {
			jvmOptions = List.of("-Xms256m", "-Xmx256m");
		}
		Map<String, List<long[]>> results = new LinkedHashMap<>();
		applications.forEach((application) -> results.put(application, new ArrayList<>()));
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < applications.size(); i++) {
				String application = applications.get((round + i) % applications.size());
				long[] measured = start(application, jvmOptions);
				results.get(application).add(measured);
				System.out.printf("round %2d  %-12s %5d ms  %5d ms CPU  %5d classes%n", round + 1, application,
						measured[0], measured[1], measured[2]);
			}
		}
		long[] first = null;
		List<long[]> firstResults = null;
		for (Map.Entry<String, List<long[]>> entry : results.entrySet()) {
			List<long[]> measured = entry.getValue();
			long[] median = { median(measured, 0), median(measured, 1), median(measured, 2) };
			String difference = (first != null) ? String.format(
					"  (%+d ms, %+d ms CPU, %+d classes; median of the rounds' differences: %+d ms, %+d ms CPU)",
					median[0] - first[0], median[1] - first[1], median[2] - first[2],
					medianDifference(measured, firstResults, 0), medianDifference(measured, firstResults, 1)) : "";
			System.out.printf("%-12s median of %d: %5d ms, %5d ms CPU, %5d classes%s%n", entry.getKey(),
					measured.size(), median[0], median[1], median[2], difference);
			if (first == null) {
				first = median;
				firstResults = measured;
			}
		}
	}

	private static long[] start(String application, List<String> jvmOptions)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(StartupSteps.class.getName());
		command.add(application);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		long[] measured = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				Matcher matcher = STARTED.matcher(line);
				if (measured == null && matcher.find()) {
					measured = new long[] { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
							Long.parseLong(matcher.group(3)) };
				}
			}
		}
		if (!process.waitFor(JVM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("The JVM starting '" + application + "' did not end within "
					+ JVM_TIMEOUT_SECONDS + " s");
		}
		if (process.exitValue() != 0 || measured == null) {
			throw new IllegalStateException("The JVM starting '" + application + "' exited with "
					+ process.exitValue() + " without reporting its start-up");
		}
		return measured;
	}

	private static long median(List<long[]> values, int index) {
		return median(values.stream().mapToLong((value) -> value[index]).toArray());
	}

	/**
	 * The median of the differences within each round: steadier than the difference of
	 * the medians when the machine's speed drifts from round to round.
	 */
	private static long medianDifference(List<long[]> values, List<long[]> base, int index) {
		long[] differences = new long[values.size()];
		for (int round = 0; round < differences.length; round++) {
			differences[round] = values.get(round)[index] - base.get(round)[index];
		}
		return median(differences);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
