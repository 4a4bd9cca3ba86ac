package ai.specora.client.testing;

import java.io.File;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} process on loopback, started by {@link RedisServerExtension}
 * with persistence off.
 */
public final class RedisServer {

	private static final long START_TIMEOUT_MILLIS = 10_000;

	private final Path binary;

	private final Path directory;

	private Process process;

	private int port;

	private RedisServer(Path binary, Path directory) {
		this.binary = binary;
		this.directory = directory;
	}

	/**
	 * Finds the {@code redis-server} binary on the {@code PATH} or in {@code /usr/bin}.
	 * @throws IllegalStateException if there is none
	 */
	public static RedisServer create() throws IOException {
		return new RedisServer(findBinary(), Files.createTempDirectory("redis-test"));
	}

	private static Path findBinary() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String entry : path.split(File.pathSeparator)) {
				Path candidate = Path.of(entry, "redis-server");
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		Path fallback = Path.of("/usr/bin/redis-server");
		if (Files.isExecutable(fallback)) {
			return fallback;
		}
		throw new IllegalStateException("redis-server was not found on the PATH nor at /usr/bin/redis-server: "
				+ "the Redis replay store tests need a real Redis (for example 'apt-get install redis-server')");
	}

	public int port() {
		return this.port;
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	public void start() throws IOException, InterruptedException {
		if (isRunning()) {
			return;
		}
		this.port = freePort();
		Path log = this.directory.resolve("redis-" + this.port + ".log");
		ProcessBuilder builder = new ProcessBuilder(List.of(this.binary.toString(), "--port",
				String.valueOf(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
				this.directory.toString()));
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		this.process = builder.start();
		long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
		while (!ping()) {
			if (!this.process.isAlive() || System.currentTimeMillis() > deadline) {
				stop();
				throw new IllegalStateException("redis-server did not start on port " + this.port + ": "
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
			Thread.sleep(20);
		}
	}

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

	private boolean ping() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
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

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
