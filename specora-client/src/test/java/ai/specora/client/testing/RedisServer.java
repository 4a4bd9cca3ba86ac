package ai.specora.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Redis server process on loopback for the tests, started by
 * {@link RedisServerExtension} with persistence off.
 * <p>
 * The binary comes from the Maven artifact {@code com.github.codemonstur:embedded-redis}
 * (test scope), never from the system: every machine, CI included, runs the same path,
 * so a machine with only a JDK passes the build. Its Linux x86-64, Linux arm64 and macOS
 * builds are Redis 6.2 (Streams, {@code XAUTOCLAIM}); its Windows build is Redis 5.
 * <p>
 * The artifact's own server class is not used, for robustness: it extracts the binary
 * to a shared temporary file name and starts on a port the caller must choose. Here:
 * <ul>
 * <li>each server copies the binary into a temporary directory of its own, made
 * executable for the owner only ({@code rwx------} on POSIX file systems), and
 * {@link #close()} deletes that directory and everything Redis wrote there;</li>
 * <li>the port is a free loopback port; if another process takes it between the probe
 * and Redis' bind, the start is retried on a new port (up to {@value #START_ATTEMPTS}
 * times), and a restart after {@link #stop()} tries the previous port first, so clients
 * configured with it reconnect;</li>
 * <li>readiness is a real {@code PING}/{@code PONG}, bounded by a timeout; a server that
 * does not start fails with its own log in the message.</li>
 * </ul>
 */
public final class RedisServer implements AutoCloseable {

	private static final long START_TIMEOUT_MILLIS = 10_000;

	private static final int START_ATTEMPTS = 5;

	private final Path directory;

	private final Path binary;

	private Process process;

	private int port;

	private RedisServer(Path directory, Path binary) {
		this.directory = directory;
		this.binary = binary;
	}

	/**
	 * Copies the Redis binary of this platform out of the {@code embedded-redis}
	 * artifact into a new temporary directory.
	 * @return a server, not started
	 * @throws IOException if the binary cannot be copied
	 * @throws IllegalStateException if the artifact has no binary for this platform or is
	 * not on the test class path
	 */
	public static RedisServer create() throws IOException {
		String resource = binaryResource();
		Path directory = Files.createTempDirectory("specora-redis-test");
		try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("'" + resource + "' is not on the class path: add the test "
						+ "dependency com.github.codemonstur:embedded-redis");
			}
			Path binary = directory.resolve("redis-server");
			Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
			makeExecutable(binary);
			return new RedisServer(directory, binary);
		}
		catch (IOException | RuntimeException ex) {
			deleteRecursively(directory);
			throw ex;
		}
	}

	private static String binaryResource() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
		boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
		if (os.contains("linux") && x64) {
			return "redis-server-6.2.6-v5-linux-amd64";
		}
		if (os.contains("linux") && arm64) {
			return "redis-server-6.2.7-linux-arm64";
		}
		if (os.contains("linux") && (arch.equals("x86") || arch.equals("i386") || arch.equals("i686"))) {
			return "redis-server-6.2.7-linux-386";
		}
		if (os.contains("mac") && x64) {
			return "redis-server-6.2.6-v5-darwin-amd64";
		}
		if (os.contains("mac") && arm64) {
			return "redis-server-6.2.6-v5-darwin-arm64";
		}
		if (os.contains("windows") && x64) {
			return "redis-server-5.0.14.1-windows-amd64.exe";
		}
		throw new IllegalStateException("embedded-redis has no Redis binary for " + os + "/" + arch);
	}

	private static void makeExecutable(Path binary) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
		}
		else if (!binary.toFile().setExecutable(true, true)) {
			throw new IOException("cannot make " + binary + " executable");
		}
	}

	/**
	 * The loopback port of the running server (or of the last one started).
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Whether the server process is alive.
	 * @return {@code true} when running
	 */
	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Starts the server if it is not running, waiting until it answers {@code PING}.
	 * @throws IOException if the process cannot be started
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if it did not start after the retries
	 */
	public void start() throws IOException, InterruptedException {
		if (isRunning()) {
			return;
		}
		String lastLog = "";
		for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
			int candidate = (attempt == 0 && this.port != 0 && isFree(this.port)) ? this.port : freePort();
			Path log = this.directory.resolve("redis-" + candidate + ".log");
			if (startOn(candidate, log)) {
				this.port = candidate;
				return;
			}
			lastLog = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
			if (!lastLog.contains("Address already in use")) {
				break;
			}
		}
		throw new IllegalStateException("redis-server did not start: " + lastLog);
	}

	private boolean startOn(int candidate, Path log) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(List.of(this.binary.toString(), "--port",
				String.valueOf(candidate), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
				this.directory.toString()));
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		this.process = builder.start();
		long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
		while (!ping(candidate)) {
			if (!this.process.isAlive() || System.currentTimeMillis() > deadline) {
				stop();
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	/**
	 * Stops the server (TERM, then KILL after five seconds); {@link #start()} may start it
	 * again.
	 * @throws InterruptedException if interrupted while waiting for the process
	 */
	public void stop() throws InterruptedException {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
		this.process = null;
	}

	/**
	 * Stops the server and deletes its temporary directory (binary, logs).
	 * @throws IOException if the directory cannot be deleted
	 * @throws InterruptedException if interrupted while stopping
	 */
	@Override
	public void close() throws IOException, InterruptedException {
		stop();
		deleteRecursively(this.directory);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static boolean ping(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
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
	 * A loopback port free at the time of the call.
	 * @return the port
	 * @throws IOException if no socket can be bound
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
