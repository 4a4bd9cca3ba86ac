package ai.specora.client.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The entries of a bundle ZIP, read once as a stream: the SHA-256 and size of each, and
 * the bytes of {@code manifest.json}. Only the manifest is kept in memory. Sizes are
 * counted while reading, never taken from the archive's headers, so the limits hold
 * against an archive that lies about them.
 */
final class BundleArchive {

	static final String MANIFEST = "manifest.json";

	final Map<String, Digest> entries = new LinkedHashMap<>();

	final Set<String> duplicates = new LinkedHashSet<>();

	byte[] manifest;

	private BundleArchive() {
	}

	static BundleArchive read(InputStream in, Limits limits) {
		BundleArchive archive = new BundleArchive();
		byte[] buffer = new byte[16 * 1024];
		long total = 0;
		int count = 0;
		try {
			ZipInputStream zip = new ZipInputStream(in);
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (++count > limits.maxEntries()) {
					throw new EvidenceBundleException("bundle refused: more than " + limits.maxEntries() + " entries");
				}
				String name = entry.getName();
				boolean manifest = MANIFEST.equals(name);
				MessageDigest digest = sha256();
				ByteArrayOutputStream kept = manifest ? new ByteArrayOutputStream() : null;
				long size = 0;
				int read;
				while ((read = zip.read(buffer)) != -1) {
					size += read;
					total += read;
					if (size > limits.maxEntryBytes()) {
						throw new EvidenceBundleException("bundle refused: entry '" + name + "' is larger than "
								+ limits.maxEntryBytes() + " bytes uncompressed");
					}
					if (total > limits.maxTotalBytes()) {
						throw new EvidenceBundleException("bundle refused: more than " + limits.maxTotalBytes()
								+ " bytes uncompressed in all");
					}
					digest.update(buffer, 0, read);
					if (kept != null) {
						kept.write(buffer, 0, read);
					}
				}
				if (entry.isDirectory()) {
					continue;
				}
				if (archive.entries.containsKey(name)) {
					archive.duplicates.add(name);
				}
				archive.entries.put(name, new Digest(HexFormat.of().formatHex(digest.digest()), size));
				if (kept != null) {
					archive.manifest = kept.toByteArray();
				}
			}
		}
		catch (ZipException ex) {
			throw new EvidenceBundleException("bundle is not a readable ZIP archive: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new EvidenceBundleException("bundle could not be read: " + ex.getMessage(), ex);
		}
		if (count == 0) {
			throw new EvidenceBundleException("bundle is not a ZIP archive, or an empty one");
		}
		return archive;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** The SHA-256 (64 hex) and size of an entry's uncompressed bytes. */
	record Digest(String sha256, long size) {
	}

	/** How much of an archive is read before it is refused. */
	record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
	}

}
