package ai.specora.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server process on 127.0.0.1 for the completion benchmarks, without
 * persistence ({@code save ""}, {@code appendonly no}): a restart starts empty. The
 * binary comes from the Maven artifact {@code com.github.codemonstur:embedded-redis}
 * (Redis 6.2 on Linux and macOS), copied into a temporary directory of its own that
 * {@link #close()} deletes. Its few commands ({@code XLEN}, {@code XPENDING},
 * {@code DEBUG SLEEP}) go over a plain socket, not through the application's client.
 */
final class EmbeddedRedis implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedRedis.class);

	private static final long START_TIMEOUT_MILLIS = 10_000;

	private static final int SOCKET_TIMEOUT_MILLIS = 5_000;

	private final Path directory;

	private final Path binary;

	private volatile Process process;

	private int port;

	private EmbeddedRedis(Path directory, Path binary) {
		this.directory = directory;
		this.binary = binary;
	}

	/**
	 * Starts a server on a free loopback port.
	 * @return the running server
	 * @throws IOException if the binary cannot be copied or started
	 * @throws InterruptedException if interrupted while waiting for it
	 */
	static EmbeddedRedis start() throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("specora-bench-redis");
		Path binary = directory.resolve("redis-server");
		String resource = binaryResource();
		try (InputStream in = EmbeddedRedis.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("'" + resource + "' is not on the class path (embedded-redis)");
			}
			Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
		EmbeddedRedis redis = new EmbeddedRedis(directory, binary);
		Runtime.getRuntime().addShutdownHook(new Thread(redis::destroyForcibly, "redis-cleanup"));
		redis.startOn(freePort());
		return redis;
	}

	private static String binaryResource() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
		if (os.contains("linux")) {
			return arm64 ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
		}
		if (os.contains("mac")) {
			return arm64 ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
		}
		throw new IllegalStateException("no Redis 6.2 binary in embedded-redis for " + os + "/" + arch);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void startOn(int candidate) throws IOException, InterruptedException {
		Path log = this.directory.resolve("redis.log");
		this.process = new ProcessBuilder(this.binary.toString(), "--port", Integer.toString(candidate), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		this.port = candidate;
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
		while (!answers()) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				stop();
				throw new IllegalStateException("redis-server did not start on port " + candidate + ": "
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
			Thread.sleep(20);
		}
	}

	/**
	 * The loopback port, the same across {@link #restartEmpty()}.
	 * @return the port
	 */
	int port() {
		return this.port;
	}

	/**
	 * Kills the server and starts a new, empty one on the same port (Redis restarted
	 * without persistence).
	 * @throws IOException if it cannot be started again
	 * @throws InterruptedException if interrupted
	 */
	void restartEmpty() throws IOException, InterruptedException {
		stop();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!isFree(this.port) && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		startOn(this.port);
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Freezes the server for the given time ({@code DEBUG SLEEP} from a connection of its
	 * own): every client's connection stays open and no command is answered, as with a
	 * Redis stalled by a long command, a fork or a paused VM.
	 * @param seconds how long
	 * @return the thread waiting for the server's answer, ended once it wakes up
	 */
	Thread freeze(int seconds) {
		Thread sleeper = new Thread(() -> {
			try (Socket socket = connect(TimeUnit.SECONDS.toMillis(seconds) + SOCKET_TIMEOUT_MILLIS)) {
				send(socket, "DEBUG", "SLEEP", Integer.toString(seconds));
				read(new BufferedInputStream(socket.getInputStream()));
			}
			catch (IOException ex) {
				logger.warn("DEBUG SLEEP failed: {}", ex.toString());
			}
		}, "redis-freeze");
		sleeper.setDaemon(true);
		sleeper.start();
		return sleeper;
	}

	/**
	 * The length of a stream ({@code XLEN}).
	 * @param key the stream key
	 * @return the number of entries
	 */
	long streamLength(String key) {
		Object reply = command("XLEN", key);
		return (reply instanceof Long length) ? length : -1;
	}

	/**
	 * How many entries of a stream are pending with a consumer group (the count of
	 * {@code XPENDING key group}); 0 when the group does not exist.
	 * @param key the stream key
	 * @param group the group
	 * @return the pending count
	 */
	long pendingCount(String key, String group) {
		Object reply = command("XPENDING", key, group);
		if (reply instanceof List<?> summary && !summary.isEmpty() && summary.get(0) instanceof Long count) {
			return count;
		}
		return 0;
	}

	/**
	 * How many entries of a stream are pending with one consumer of a group (from
	 * {@code XPENDING key group}).
	 * @param key the stream key
	 * @param group the group
	 * @param consumer the consumer name
	 * @return the pending count of that consumer, 0 when it has none
	 */
	long pendingCount(String key, String group, String consumer) {
		Object reply = command("XPENDING", key, group);
		if (reply instanceof List<?> summary && summary.size() == 4 && summary.get(3) instanceof List<?> consumers) {
			for (Object entry : consumers) {
				if (entry instanceof List<?> pair && consumer.equals(pair.get(0))) {
					return Long.parseLong(String.valueOf(pair.get(1)));
				}
			}
		}
		return 0;
	}

	/**
	 * The journal ids (field {@code j}) of the first entries of a stream.
	 * @param key the stream key
	 * @param count how many entries at most
	 * @return the entry ids and journal ids, {@code id=journalId}
	 */
	List<String[]> firstEntries(String key, int count) {
		List<String[]> entries = new ArrayList<>();
		if (command("XRANGE", key, "-", "+", "COUNT", Integer.toString(count)) instanceof List<?> records) {
			for (Object record : records) {
				if (record instanceof List<?> pair && pair.get(1) instanceof List<?> fields) {
					int j = fields.indexOf("j");
					entries.add(new String[] { String.valueOf(pair.get(0)),
							(j >= 0 && j + 1 < fields.size()) ? String.valueOf(fields.get(j + 1)) : "?" });
				}
			}
		}
		return entries;
	}

	private boolean answers() {
		try {
			return "PONG".equals(command("PING"));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * One command on a connection of its own.
	 * @return the reply: a String, a Long, a List, {@code null}, or the error as an
	 * {@link IllegalStateException} thrown
	 */
	Object command(String... args) {
		try (Socket socket = connect(SOCKET_TIMEOUT_MILLIS)) {
			send(socket, args);
			return read(new BufferedInputStream(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Redis on port " + this.port + ": " + ex.getMessage(), ex);
		}
	}

	private Socket connect(long timeoutMillis) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1_000);
		socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
		return socket;
	}

	private static void send(Socket socket, String... args) throws IOException {
		StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
		for (String arg : args) {
			command.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
				.append("\r\n");
		}
		OutputStream out = socket.getOutputStream();
		out.write(command.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static Object read(InputStream in) throws IOException {
		int type = in.read();
		String line = line(in);
		return switch (type) {
			case '+' -> line;
			case '-' -> throw new IllegalStateException(line);
			case ':' -> Long.parseLong(line);
			case '$' -> bulk(in, Integer.parseInt(line));
			case '*' -> array(in, Integer.parseInt(line));
			default -> throw new IOException("unexpected Redis reply type " + type);
		};
	}

	private static String bulk(InputStream in, int length) throws IOException {
		if (length < 0) {
			return null;
		}
		String value = new String(in.readNBytes(length), StandardCharsets.UTF_8);
		in.readNBytes(2);
		return value;
	}

	private static List<Object> array(InputStream in, int length) throws IOException {
		if (length < 0) {
			return null;
		}
		List<Object> values = new ArrayList<>(length);
		for (int i = 0; i < length; i++) {
			values.add(read(in));
		}
		return values;
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != '\r') {
			if (c < 0) {
				throw new IOException("connection closed by Redis");
			}
			line.append((char) c);
		}
		in.read();
		return line.toString();
	}

	/**
	 * Stops the server (TERM, then KILL after five seconds).
	 * @throws InterruptedException if interrupted while waiting for it
	 */
	void stop() throws InterruptedException {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
		this.process = null;
	}

	private synchronized void destroyForcibly() {
		Process running = this.process;
		if (running != null) {
			running.destroyForcibly();
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		stop();
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
