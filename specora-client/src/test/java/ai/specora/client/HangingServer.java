package ai.specora.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An authority that hangs: a TCP server on 127.0.0.1 that accepts every connection,
 * never reads a byte of the request and never answers, until closed.
 */
final class HangingServer implements AutoCloseable {

	private final ServerSocket socket;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	HangingServer() {
		try {
			this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "hanging-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				this.accepted.add(this.socket.accept());
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	/**
	 * The connections accepted so far.
	 */
	int connections() {
		return this.accepted.size();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
			for (Socket connection : this.accepted) {
				connection.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
