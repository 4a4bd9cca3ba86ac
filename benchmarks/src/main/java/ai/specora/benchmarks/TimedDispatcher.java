package ai.specora.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.client.Completion;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;

/**
 * The application's {@link AsyncCompletionDispatcher} with the time of each hand-over
 * recorded (when it started and how long it took): of completions ({@link #dispatch},
 * the part of a governed call spent handing its completion over) and, apart, of
 * execution records ({@link #dispatchExecutionRecord}). Its lifecycle is the
 * dispatcher's.
 */
public final class TimedDispatcher implements CompletionDispatcher, SmartLifecycle, DisposableBean {

	private final AsyncCompletionDispatcher delegate;

	private final HandOvers completions = new HandOvers(1 << 20);

	private final HandOvers records = new HandOvers(1 << 18);

	TimedDispatcher(AsyncCompletionDispatcher delegate) {
		this.delegate = delegate;
	}

	/**
	 * The dispatcher timed.
	 * @return the application's dispatcher
	 */
	public AsyncCompletionDispatcher delegate() {
		return this.delegate;
	}

	@Override
	public CompletionStage<Void> dispatch(String journalId, Completion completion) {
		long start = System.nanoTime();
		try {
			return this.delegate.dispatch(journalId, completion);
		}
		finally {
			this.completions.add(start, System.nanoTime());
		}
	}

	@Override
	public CompletionStage<Void> dispatchExecutionRecord(ExecutionRecordRequest record) {
		long start = System.nanoTime();
		try {
			return this.delegate.dispatchExecutionRecord(record);
		}
		finally {
			this.records.add(start, System.nanoTime());
		}
	}

	/**
	 * How many completions were handed over since the start.
	 * @return the count
	 */
	public long handedOver() {
		return this.completions.count();
	}

	/**
	 * How many execution records were handed over since the start.
	 * @return the count
	 */
	public long recordsHandedOver() {
		return this.records.count();
	}

	/**
	 * The hand-over times, sorted, of the completions whose hand-over started in a
	 * window.
	 * @param from the start of the window ({@link System#nanoTime()})
	 * @param to its end, exclusive
	 * @return the durations in nanoseconds, sorted
	 */
	public long[] tookBetween(long from, long to) {
		return this.completions.tookBetween(from, to);
	}

	/**
	 * The hand-over times, sorted, of the execution records whose hand-over started in
	 * a window.
	 * @param from the start of the window ({@link System#nanoTime()})
	 * @param to its end, exclusive
	 * @return the durations in nanoseconds, sorted
	 */
	public long[] recordsTookBetween(long from, long to) {
		return this.records.tookBetween(from, to);
	}

	/**
	 * The completion hand-overs that started in a window and took at least a given
	 * time: how many, and when the last of them started.
	 * @param from the start of the window ({@link System#nanoTime()})
	 * @param to its end, exclusive
	 * @param atLeastNanos the shortest duration counted
	 * @return the count and the start of the last one (relative to {@code from}, in
	 * nanoseconds; 0 when there is none)
	 */
	public long[] slowBetween(long from, long to, long atLeastNanos) {
		return this.completions.slowBetween(from, to, atLeastNanos);
	}

	@Override
	public int pendingCount() {
		return this.delegate.pendingCount();
	}

	@Override
	public long droppedCount() {
		return this.delegate.droppedCount();
	}

	@Override
	public String storeName() {
		return this.delegate.storeName();
	}

	@Override
	public void start() {
		this.delegate.start();
	}

	@Override
	public void stop() {
		this.delegate.stop();
	}

	@Override
	public boolean isRunning() {
		return this.delegate.isRunning();
	}

	@Override
	public int getPhase() {
		return this.delegate.getPhase();
	}

	@Override
	public void destroy() {
		this.delegate.destroy();
	}

	/**
	 * Wraps the application's {@link AsyncCompletionDispatcher} in a
	 * {@link TimedDispatcher}.
	 */
	static final class Wrapper implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return (bean instanceof AsyncCompletionDispatcher dispatcher) ? new TimedDispatcher(dispatcher) : bean;
		}

	}

	/**
	 * The start and duration of each hand-over of one kind, the first
	 * {@code capacity} of them kept.
	 */
	private static final class HandOvers {

		private final long[] startedAt;

		private final long[] took;

		private final AtomicInteger count = new AtomicInteger();

		HandOvers(int capacity) {
			this.startedAt = new long[capacity];
			this.took = new long[capacity];
		}

		void add(long start, long end) {
			int i = this.count.getAndIncrement();
			if (i < this.startedAt.length) {
				this.startedAt[i] = start;
				this.took[i] = end - start;
			}
		}

		long count() {
			return this.count.get();
		}

		long[] tookBetween(long from, long to) {
			int n = Math.min(this.count.get(), this.startedAt.length);
			long[] window = new long[n];
			int w = 0;
			for (int i = 0; i < n; i++) {
				long at = this.startedAt[i];
				if (at - from >= 0 && at - to < 0) {
					window[w++] = this.took[i];
				}
			}
			long[] sorted = Arrays.copyOf(window, w);
			Arrays.sort(sorted);
			return sorted;
		}

		long[] slowBetween(long from, long to, long atLeastNanos) {
			int n = Math.min(this.count.get(), this.startedAt.length);
			long slow = 0;
			long last = 0;
			for (int i = 0; i < n; i++) {
				long at = this.startedAt[i];
				if (at - from >= 0 && at - to < 0 && this.took[i] >= atLeastNanos) {
					slow++;
					last = Math.max(last, at - from);
				}
			}
			return new long[] { slow, last };
		}

	}

}
