package ai.specora.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of a run of {@link CompletionLoadBenchmark}, from {@code name=value}
 * arguments (see its Javadoc for each).
 */
record LoadRunOptions(int seconds, int[] rates, int[] callers, long latencyMillis, String store, String fault,
		int downSeconds, int leaseSeconds, String appendTimeoutMillis, int recordsEvery,
		List<String> specoraProperties) {

	static LoadRunOptions parse(String[] args) {
		String fault = arg(args, "fault", "none");
		String store = fault.startsWith("redis") || "replica-kill".equals(fault) ? "redis"
				: arg(args, "store", "memory");
		return new LoadRunOptions(Integer.parseInt(arg(args, "seconds", "60")), ints(arg(args, "rates", "200,1000,2000")),
				ints(arg(args, "callers", "64,256")), Long.parseLong(arg(args, "latency-ms", "50")), store, fault,
				Integer.parseInt(arg(args, "down-seconds", "30")), Integer.parseInt(arg(args, "lease-seconds", "5")),
				arg(args, "append-timeout-ms", ""), Integer.parseInt(arg(args, "records-every", "5")),
				Arrays.stream(args).filter((arg) -> arg.startsWith("specora.")).toList());
	}

	boolean redis() {
		return "redis".equals(this.store);
	}

	/**
	 * The application properties these settings add: the vendor-reseller model
	 * (Model B, which execution records need) and the Redis store's settings.
	 */
	String[] properties() {
		List<String> properties = new ArrayList<>();
		properties.add("specora.vendor-id=vnd_bench");
		properties.add("specora.tenant-id=tnt_bench");
		properties.add("specora.enforcement.completion.redis.lease=" + this.leaseSeconds + "s");
		if (!this.appendTimeoutMillis.isEmpty()) {
			properties.add("specora.enforcement.completion.redis.append-timeout=" + this.appendTimeoutMillis + "ms");
		}
		properties.addAll(this.specoraProperties);
		return properties.toArray(String[]::new);
	}

	static String arg(String[] args, String name, String fallback) {
		for (String arg : args) {
			if (arg.startsWith(name + "=")) {
				return arg.substring(name.length() + 1);
			}
		}
		return fallback;
	}

	private static int[] ints(String list) {
		return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
	}

}
