package ai.specora.client.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds signed bundles for the verifier's tests, with a fresh Ed25519 key pair.
 */
final class TestBundles {

	final KeyPair keys = generate();

	final EvidencePublicKey publicKey = EvidencePublicKey.of(this.keys.getPublic());

	/** The artifacts of a typical bundle. */
	static Map<String, byte[]> artifacts() {
		Map<String, byte[]> artifacts = new LinkedHashMap<>();
		artifacts.put("trace.jsonl", "{\"kind\":\"execution\",\"id\":\"exe_1\"}\n".getBytes(StandardCharsets.UTF_8));
		artifacts.put("reports/confidence_report.json",
				"{\"run_id\":\"run-1\",\"score\":\"0.93\"}".getBytes(StandardCharsets.UTF_8));
		return artifacts;
	}

	/** A manifest listing the artifacts, signed. */
	Map<String, Object> signedManifest(Map<String, byte[]> artifacts) {
		Map<String, Object> manifest = manifest(artifacts);
		sign(manifest);
		return manifest;
	}

	static Map<String, Object> manifest(Map<String, byte[]> artifacts) {
		List<Object> listed = new ArrayList<>();
		artifacts.forEach((name, bytes) -> {
			Map<String, Object> artifact = new LinkedHashMap<>();
			artifact.put("name", name);
			artifact.put("sha256", CanonicalJson.sha256Hex(bytes));
			artifact.put("size_bytes", bytes.length);
			listed.add(artifact);
		});
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("schema_version", "1.1.0");
		manifest.put("bundle_id", "evb_test");
		manifest.put("artifacts", listed);
		return manifest;
	}

	/** Replaces the manifest's signing block by a fresh one over its current content. */
	void sign(Map<String, Object> manifest) {
		manifest.remove("signing");
		String hash = CanonicalJson.sha256Hex(manifest);
		Map<String, Object> signing = new LinkedHashMap<>();
		signing.put("manifest_sha256", hash);
		signing.put("signature_b64", Base64.getEncoder().encodeToString(signature(hash)));
		signing.put("key_id", this.publicKey.keyId());
		manifest.put("signing", signing);
	}

	byte[] signature(String hash) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(this.keys.getPrivate());
			signer.update(hash.getBytes(StandardCharsets.US_ASCII));
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A signed bundle of the typical artifacts. */
	byte[] bundle() {
		Map<String, byte[]> artifacts = artifacts();
		return zip(signedManifest(artifacts), artifacts);
	}

	static byte[] zip(Map<String, Object> manifest, Map<String, byte[]> entries) {
		Map<String, byte[]> all = new LinkedHashMap<>();
		all.put("manifest.json", CanonicalJson.toBytes(manifest));
		all.putAll(entries);
		return zipEntries(all);
	}

	static byte[] zipEntries(Map<String, byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RevocationList revocationList(EvidencePublicKey key, KeyStatus status) {
		return new RevocationList(1, "2026-03-01T00:00:00Z", "Test Key Authority",
				List.of(new RevocationList.Entry(key.keyId(), key.fingerprint(), status,
						(status == KeyStatus.REVOKED) ? "compromise" : null, "2026-02-15T00:00:00Z")));
	}

}
