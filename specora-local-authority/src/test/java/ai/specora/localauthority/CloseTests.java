package ai.specora.localauthority;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link LocalAuthority#close()}: once it returns, the authority answers no
 * request, not even on a connection the client keeps alive.
 */
class CloseTests {

	private static final int ROUNDS = 20;

	private static final int CONNECTIONS = 4;

	private static final String HEALTH_REQUEST = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
			+ "Authorization: Bearer k\r\nConnection: keep-alive\r\n\r\n";

	/** A safety bound on every socket read, so that a defect cannot hang the build. */
	private static final int READ_TIMEOUT_MILLIS = 10_000;

	@Test
	void closeClosesKeptAliveConnectionsBeforeItReturns() throws IOException {
		// A race between close() and the connection's event loop: a bounded number of
		// rounds, on several connections (the server spreads them over its event loops),
		// so that it shows even when one round happens to win it.
		for (int round = 0; round < ROUNDS; round++) {
			LocalAuthority authority = LocalAuthority.start(LocalAuthoritySettings.builder().apiKey("k").build());
			List<Socket> sockets = new ArrayList<>();
			try {
				for (int i = 0; i < CONNECTIONS; i++) {
					Socket socket = connect(authority);
					sockets.add(socket);
					assertThat(exchange(socket)).as("answer before close").startsWith("HTTP/1.1 200");
				}
				authority.close();
				for (Socket socket : sockets) {
					assertThat(exchange(socket)).as("answer after close, round %d", round).isEmpty();
				}
			}
			finally {
				authority.close();
				for (Socket socket : sockets) {
					socket.close();
				}
			}
		}
	}

	@Test
	void closeTwiceIsHarmlessAndNewConnectionsAreRefused() throws IOException {
		LocalAuthority authority = LocalAuthority.start(LocalAuthoritySettings.builder().apiKey("k").build());
		try (Socket socket = connect(authority)) {
			assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
			authority.close();
			authority.close();
			assertThat(exchange(socket)).isEmpty();
		}
		assertThatException().isThrownBy(() -> connect(authority)).isInstanceOf(IOException.class);
	}

	@Test
	void closeAnswersRequestsInFlightButNoRequestThatArrivesWhileItWaits() throws Exception {
		LocalAuthority authority = LocalAuthority.start(LocalAuthoritySettings.builder().apiKey("k").build());
		ExecutorService closer = Executors.newSingleThreadExecutor();
		try (Socket inFlight = connect(authority); Socket idle = connect(authority)) {
			assertThat(exchange(idle)).startsWith("HTTP/1.1 200");
			String body = "{\"request_id\": \"r-close\", \"action_type\": \"search\"}";
			OutputStream out = inFlight.getOutputStream();
			out.write(("POST /v1/runtime/enforce HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
					+ "Expect: 100-continue\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// the server asks for the body once its handler runs: the request is in flight
			assertThat(readResponse(inFlight.getInputStream(), false)).startsWith("HTTP/1.1 100");
			Future<?> closing = closer.submit(authority::close);
			awaitRefusedConnections(authority);
			assertThat(exchange(idle)).as("a request that arrives while closing").isEmpty();
			// the rest of the body, and a pipelined request right behind it
			out.write((body + HEALTH_REQUEST).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readResponse(inFlight.getInputStream(), true)).as("the request in flight")
				.startsWith("HTTP/1.1 200")
				.contains("\"decision\"");
			assertThat(readResponse(inFlight.getInputStream(), true)).as("the request pipelined behind it").isEmpty();
			closing.get(30, TimeUnit.SECONDS);
		}
		finally {
			authority.close();
			closer.shutdownNow();
		}
	}

	/**
	 * Waits, a bounded number of times, until the authority stops listening: its
	 * {@code close()} has then begun.
	 */
	private static void awaitRefusedConnections(LocalAuthority authority) throws InterruptedException {
		for (int attempt = 0; attempt < 1_000; attempt++) {
			try (Socket probe = connect(authority)) {
				Thread.sleep(5);
			}
			catch (IOException refused) {
				return;
			}
		}
		throw new AssertionError("the authority still accepts connections");
	}

	private static Socket connect(LocalAuthority authority) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", authority.port()), READ_TIMEOUT_MILLIS);
		socket.setSoTimeout(READ_TIMEOUT_MILLIS);
		socket.setTcpNoDelay(true);
		return socket;
	}

	/**
	 * Sends {@code GET /v1/health} on a kept-alive connection and reads the whole
	 * response.
	 * @return the response's head and body, or empty when the server closed the
	 * connection instead of answering
	 */
	private static String exchange(Socket socket) throws IOException {
		try {
			OutputStream out = socket.getOutputStream();
			out.write(HEALTH_REQUEST.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return readResponse(socket.getInputStream(), true);
		}
		catch (SocketException ex) {
			// reset by the closed server
			return "";
		}
	}

	private static String readResponse(InputStream in, boolean withBody) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!endsWithBlankLine(head)) {
			int next = read(in);
			if (next == -1) {
				assertThat(head.size()).as("response cut short: %s", head).isZero();
				return "";
			}
			head.write(next);
		}
		String text = head.toString(StandardCharsets.US_ASCII);
		if (!withBody) {
			return text;
		}
		byte[] body = in.readNBytes(contentLength(text));
		return text + new String(body, StandardCharsets.UTF_8);
	}

	/**
	 * Reads a byte, a connection reset by the closed server being the end of the stream.
	 */
	private static int read(InputStream in) throws IOException {
		try {
			return in.read();
		}
		catch (SocketException ex) {
			return -1;
		}
	}

	private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
		byte[] bytes = head.toByteArray();
		int n = bytes.length;
		return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
	}

	private static int contentLength(String head) {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				return Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		throw new AssertionError("no Content-Length in " + head);
	}

}
