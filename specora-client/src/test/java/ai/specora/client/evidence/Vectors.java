package ai.specora.client.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the golden vectors of the public evidence format (test resources, see their
 * NOTICE).
 */
final class Vectors {

	private Vectors() {
	}

	static byte[] bytes(String path) {
		try (InputStream in = Vectors.class.getResourceAsStream("vectors/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("no vector " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(String path) {
		return new String(bytes(path), StandardCharsets.UTF_8).trim();
	}

}
