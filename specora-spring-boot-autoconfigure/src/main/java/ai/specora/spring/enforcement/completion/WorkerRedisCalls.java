package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the delivery worker's Redis commands on a thread of their own and waits for each
 * at most a bounded time, so that a Redis that does not answer (frozen, or a network
 * that drops packets, with a client command timeout of a minute) never holds the
 * worker: it goes on delivering the completions it holds in memory. A command that was
 * given up keeps its thread until Redis answers; meanwhile the next commands fail at
 * once. A late answer can be handed on (the entries a given-up read took, so that they
 * do not wait for the lease).
 */
final class WorkerRedisCalls {

	private final ThreadPoolExecutor executor;

	private final Duration limit;

	/** Whether a command is with Redis: set before it is handed over, cleared when it answers. */
	private final AtomicBoolean busy = new AtomicBoolean();

	WorkerRedisCalls(Duration limit) {
		this.limit = limit;
		this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), (task) -> {
			Thread thread = new Thread(task, "specora-completion-redis");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * Runs a command and waits for its answer, at most the limit.
	 * @throws CompletionStoreException when Redis did not answer in time, or has not
	 * answered the previous command yet
	 * @throws RuntimeException the command's own failure, such as a
	 * {@code DataAccessException}
	 */
	<T> T call(Supplier<T> command) {
		return call(command, (late) -> {
		});
	}

	/**
	 * Runs a command and waits for its answer, at most the limit; an answer that comes
	 * after the command was given up is handed to {@code late} (on the command thread).
	 * @throws CompletionStoreException when Redis did not answer in time, or has not
	 * answered the previous command yet
	 * @throws RuntimeException the command's own failure, such as a
	 * {@code DataAccessException}
	 */
	<T> T call(Supplier<T> command, Consumer<T> late) {
		if (!this.busy.compareAndSet(false, true)) {
			throw new CompletionStoreException("the Redis completion store has not answered a command given up before",
					null);
		}
		CompletableFuture<T> answer;
		try {
			answer = CompletableFuture.supplyAsync(() -> {
				try {
					return command.get();
				}
				finally {
					this.busy.set(false);
				}
			}, this.executor);
		}
		catch (RejectedExecutionException ex) {
			this.busy.set(false);
			throw new CompletionStoreException("the Redis completion store's command thread is gone", ex);
		}
		try {
			return answer.get(this.limit.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			answer.thenAccept(late);
			throw new CompletionStoreException("the Redis completion store did not answer within " + this.limit, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer.thenAccept(late);
			throw new CompletionStoreException("interrupted while waiting for the Redis completion store", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new CompletionStoreException("the Redis completion store failed", ex.getCause());
		}
	}

	/**
	 * Runs a command that answers nothing; see {@link #call(Supplier)}.
	 */
	void run(Runnable command) {
		call(() -> {
			command.run();
			return null;
		});
	}

}
