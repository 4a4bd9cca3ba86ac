package ai.specora.spring.enforcement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.spring.Enforced;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Beans with governed methods of every supported shape, counting the calls that really
 * ran.
 */
public final class GovernedServices {

	private GovernedServices() {
	}

	/**
	 * A composed annotation: {@code @Enforced} as a meta-annotation.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Enforced(actionType = "db_write", scope = "{'table': #table}", writeOp = true)
	public @interface DbWrite {

	}

	/**
	 * Another composed annotation, to compete with {@link DbWrite}.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Enforced(actionType = "file_write", scope = "{'path': 'x'}")
	public @interface FileWrite {

	}

	public static class Tools {

		private final AtomicInteger runs = new AtomicInteger();

		/**
		 * The calls that really ran (a method, so that it works through the proxy).
		 */
		public AtomicInteger runs() {
			return this.runs;
		}

		@Enforced(actionType = "plain", scope = "{'table': #table, 'row': #p1}", args = "{'id': #a1}",
				estimatedCost = "#cost", estimatedVolume = "#p1 + 1", writeOp = true,
				costActual = "#result.length() * 0.5")
		public String write(String table, int id, double cost) {
			this.runs.incrementAndGet();
			return "written";
		}

		@Enforced(actionType = "void_action", scope = "{'target': #a0}")
		public void fire(String target) {
			this.runs.incrementAndGet();
		}

		@Enforced(actionType = "failing", scope = "{'x': 1}")
		public String fail(RuntimeException failure) {
			this.runs.incrementAndGet();
			throw failure;
		}

		@Enforced(actionType = "from_bean", scope = "@scopes.forTenant(#tenant)", args = "{'method': #root.method.name}")
		public String fromBean(String tenant) {
			this.runs.incrementAndGet();
			return tenant;
		}

		@Enforced(actionType = "dynamic_scope", scope = "#scope")
		public String dynamicScope(Map<String, Object> scope) {
			this.runs.incrementAndGet();
			return "ran";
		}

		@Enforced(actionType = "mono", scope = "{'k': #value}", costActual = "#result.length()")
		public Mono<String> mono(String value) {
			this.runs.incrementAndGet();
			return Mono.fromCallable(() -> value.toUpperCase());
		}

		@Enforced(actionType = "mono_failing", scope = "{'k': 'v'}")
		public Mono<String> monoFailing(RuntimeException failure) {
			this.runs.incrementAndGet();
			return Mono.error(failure);
		}

		@Enforced(actionType = "flux", scope = "{'k': 'v'}")
		public Flux<Integer> flux(int count) {
			this.runs.incrementAndGet();
			return Flux.range(1, count);
		}

		@Enforced(actionType = "flux_endless", scope = "{'k': 'v'}")
		public Flux<Long> endless() {
			this.runs.incrementAndGet();
			return Flux.interval(Duration.ofMillis(5));
		}

		@Enforced(actionType = "future", scope = "{'k': 'v'}", costActual = "#result.length()")
		public CompletableFuture<String> future(CompletableFuture<String> source) {
			this.runs.incrementAndGet();
			return source;
		}

		@Enforced(actionType = "wait", scope = "{'k': 'v'}", onSuspend = OnSuspend.WAIT, approvalTimeout = "5")
		public String waitForApproval() {
			this.runs.incrementAndGet();
			return "approved-run";
		}

		@Enforced(actionType = "wait_mono", scope = "{'k': 'v'}", onSuspend = OnSuspend.WAIT, approvalTimeout = "PT5S")
		public Mono<String> waitForApprovalReactively() {
			this.runs.incrementAndGet();
			return Mono.just("approved-run");
		}

		@Enforced(actionType = "open_method", scope = "{'k': 'v'}", failMode = EnforcedFailMode.OPEN)
		public String failOpen() {
			this.runs.incrementAndGet();
			return "ran-ungoverned";
		}

		@Enforced(actionType = "closed_method", scope = "{'k': 'v'}", failMode = EnforcedFailMode.CLOSED)
		public String failClosed() {
			this.runs.incrementAndGet();
			return "ran";
		}

		public String notGoverned() {
			this.runs.incrementAndGet();
			return "free";
		}

	}

	/**
	 * Resolves scopes for expressions that use {@code @scopes}.
	 */
	public static class Scopes {

		public Map<String, Object> forTenant(String tenant) {
			return Map.of("tenant", tenant);
		}

	}

	@Enforced(actionType = "class_level", scope = "{'service': 'reports'}")
	public static class Reports {

		public String daily() {
			return "daily";
		}

		@Enforced(actionType = "method_level", scope = "{'service': 'reports', 'kind': 'special'}")
		public String special() {
			return "special";
		}

		@Override
		public String toString() {
			return "Reports";
		}

	}

	public interface Mailer {

		@Enforced(actionType = "send_mail", scope = "{'to': #to}")
		String send(String to);

	}

	public static class SmtpMailer implements Mailer {

		@Override
		public String send(String to) {
			return "sent to " + to;
		}

	}

	@Enforced(actionType = "search", scope = "{'index': 'docs'}")
	public interface Search {

		String find(String query);

	}

	public static class SimpleSearch implements Search {

		@Override
		public String find(String query) {
			return "found " + query;
		}

	}

	public static class Repository {

		private final AtomicInteger runs = new AtomicInteger();

		public AtomicInteger runs() {
			return this.runs;
		}

		@DbWrite
		public void save(String table, String row) {
			this.runs.incrementAndGet();
		}

	}

}
