package ai.specora.client.evidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EvidenceBundleVerifier}: a signed bundle passes with its key, and any
 * change to an artifact, the manifest or the signature fails.
 */
class EvidenceBundleVerifierTests {

	private final TestBundles bundles = new TestBundles();

	private final EvidenceBundleVerifier verifier = EvidenceBundleVerifier.builder()
		.publicKey(this.bundles.publicKey)
		.build();

	@Test
	void aSignedBundlePassesEveryCheckWithThePinnedKey(@TempDir Path dir) throws Exception {
		byte[] bundle = this.bundles.bundle();
		BundleVerification result = this.verifier.verify(bundle);
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.passed()).isTrue();
		assertThat(result.checks()).extracting(CheckResult::check).containsExactly(EvidenceCheck.values());
		assertThat(result.checks()).extracting(CheckResult::status).containsOnly(CheckStatus.PASS);
		assertThat(result.keyId()).isEqualTo(this.bundles.publicKey.keyId());
		assertThat(result.schemaVersion()).isEqualTo("1.1.0");
		assertThat(result.bundleHash()).isEqualTo("sha256:" + result.manifestSha256());
		assertThat(result.check(EvidenceCheck.KEY).message()).contains("no revocation list given");
		Path file = Files.write(dir.resolve("bundle.zip"), bundle);
		assertThat(this.verifier.verify(file).status()).isEqualTo(CheckStatus.PASS);
		assertThat(this.verifier.verify(new ByteArrayInputStream(bundle)).status()).isEqualTo(CheckStatus.PASS);
		// the key as PEM, as base64 and as raw bytes
		for (EvidenceBundleVerifier pinned : List.of(
				EvidenceBundleVerifier.builder().publicKey(this.bundles.publicKey.toPem()).build(),
				EvidenceBundleVerifier.builder().publicKey(this.bundles.publicKey.toBase64()).build(),
				EvidenceBundleVerifier.builder().publicKey(this.bundles.publicKey.raw()).build())) {
			assertThat(pinned.verify(bundle).passed()).isTrue();
		}
		assertThat(result.report()).startsWith("bundle verification: PASS").contains("PASS signature: ");
	}

	@Test
	void oneChangedByteOfAnArtifactFails() {
		Map<String, byte[]> artifacts = TestBundles.artifacts();
		Map<String, Object> manifest = this.bundles.signedManifest(artifacts);
		byte[] trace = artifacts.get("trace.jsonl").clone();
		trace[3] ^= 1;
		artifacts.put("trace.jsonl", trace);
		BundleVerification result = this.verifier.verify(TestBundles.zip(manifest, artifacts));
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.check(EvidenceCheck.ARTIFACTS).status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.check(EvidenceCheck.ARTIFACTS).details()).singleElement()
			.asString()
			.startsWith("trace.jsonl: sha256 ");
		assertThat(result.check(EvidenceCheck.SIGNATURE).status()).isEqualTo(CheckStatus.PASS);
	}

	@Test
	void aChangedSizeFails() {
		Map<String, byte[]> artifacts = TestBundles.artifacts();
		Map<String, Object> manifest = this.bundles.signedManifest(artifacts);
		artifacts.put("trace.jsonl", (new String(artifacts.get("trace.jsonl"), StandardCharsets.UTF_8) + " ")
			.getBytes(StandardCharsets.UTF_8));
		BundleVerification result = this.verifier.verify(TestBundles.zip(manifest, artifacts));
		assertThat(result.check(EvidenceCheck.ARTIFACTS).details())
			.anySatisfy((detail) -> assertThat(detail).contains("bytes, the manifest says"));
	}

	@Test
	void aMissingArtifactFails() {
		Map<String, byte[]> artifacts = TestBundles.artifacts();
		Map<String, Object> manifest = this.bundles.signedManifest(artifacts);
		artifacts.remove("reports/confidence_report.json");
		BundleVerification result = this.verifier.verify(TestBundles.zip(manifest, artifacts));
		assertThat(result.failed()).isTrue();
		assertThat(result.check(EvidenceCheck.ARTIFACTS).details())
			.containsExactly("reports/confidence_report.json: missing from the bundle");
	}

	@Test
	void anUnlistedEntryWarnsAndIsNamed() {
		Map<String, byte[]> artifacts = TestBundles.artifacts();
		Map<String, Object> manifest = this.bundles.signedManifest(artifacts);
		artifacts.put("extra.txt", new byte[] { 1 });
		BundleVerification result = this.verifier.verify(TestBundles.zip(manifest, artifacts));
		assertThat(result.status()).isEqualTo(CheckStatus.WARN);
		assertThat(result.check(EvidenceCheck.ARTIFACTS).status()).isEqualTo(CheckStatus.WARN);
		assertThat(result.check(EvidenceCheck.ARTIFACTS).details()).containsExactly("extra.txt: not listed in the manifest");
	}

	@Test
	void oneChangedManifestFieldFails() {
		Map<String, byte[]> artifacts = TestBundles.artifacts();
		Map<String, Object> manifest = this.bundles.signedManifest(artifacts);
		manifest.put("bundle_id", "evb_other");
		BundleVerification result = this.verifier.verify(TestBundles.zip(manifest, artifacts));
		assertThat(result.failed()).isTrue();
		assertThat(result.check(EvidenceCheck.SIGNATURE).message()).startsWith("HASH_MISMATCH");
		assertThat(result.check(EvidenceCheck.ARTIFACTS).status()).isEqualTo(CheckStatus.PASS);
	}

	@Test
	void aManifestHashUpdatedWithoutTheKeyFails() {
		Map<String, byte[]> artifacts = TestBundles.artifacts();
		Map<String, Object> manifest = this.bundles.signedManifest(artifacts);
		@SuppressWarnings("unchecked")
		Map<String, Object> signing = (Map<String, Object>) manifest.remove("signing");
		manifest.put("bundle_id", "evb_other");
		signing.put("manifest_sha256", CanonicalJson.sha256Hex(manifest));
		manifest.put("signing", signing);
		BundleVerification result = this.verifier.verify(TestBundles.zip(manifest, artifacts));
		assertThat(result.check(EvidenceCheck.SIGNATURE).status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.check(EvidenceCheck.SIGNATURE).message()).startsWith("SIGNATURE_INVALID");
	}

	@Test
	void aChangedSignatureFails() {
		Map<String, byte[]> artifacts = TestBundles.artifacts();
		Map<String, Object> manifest = this.bundles.signedManifest(artifacts);
		@SuppressWarnings("unchecked")
		Map<String, Object> signing = (Map<String, Object>) manifest.get("signing");
		byte[] signature = Base64.getDecoder().decode((String) signing.get("signature_b64"));
		signature[0] ^= 1;
		signing.put("signature_b64", Base64.getEncoder().encodeToString(signature));
		BundleVerification result = this.verifier.verify(TestBundles.zip(manifest, artifacts));
		assertThat(result.check(EvidenceCheck.SIGNATURE).status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.check(EvidenceCheck.SIGNATURE).message()).startsWith("SIGNATURE_INVALID");
	}

	@Test
	void anotherKeyFails() {
		TestBundles other = new TestBundles();
		BundleVerification result = EvidenceBundleVerifier.builder()
			.publicKey(other.publicKey)
			.build()
			.verify(this.bundles.bundle());
		assertThat(result.check(EvidenceCheck.SIGNATURE).status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.check(EvidenceCheck.SIGNATURE).message()).contains("not the pinned key");
	}

	@Test
	void withoutAKeyTheSignatureIsNotVerifiedAndSaysSo() {
		BundleVerification result = EvidenceBundleVerifier.builder().build().verify(this.bundles.bundle());
		assertThat(result.status()).isEqualTo(CheckStatus.WARN);
		assertThat(result.check(EvidenceCheck.SIGNATURE).message()).contains("no public key pinned");
		assertThat(result.check(EvidenceCheck.KEY).status()).isEqualTo(CheckStatus.WARN);
	}

	@Test
	void anUnsignedManifestFailsWhenAKeyIsPinned() {
		Map<String, byte[]> artifacts = TestBundles.artifacts();
		byte[] bundle = TestBundles.zip(TestBundles.manifest(artifacts), artifacts);
		assertThat(this.verifier.verify(bundle).check(EvidenceCheck.SIGNATURE).status()).isEqualTo(CheckStatus.FAIL);
		assertThat(EvidenceBundleVerifier.builder().build().verify(bundle).check(EvidenceCheck.SIGNATURE).status())
			.isEqualTo(CheckStatus.WARN);
	}

	@Test
	void theRevocationListDecidesTheKeyCheck() {
		byte[] bundle = this.bundles.bundle();
		assertThat(keyCheck(bundle, KeyStatus.ACTIVE).status()).isEqualTo(CheckStatus.PASS);
		assertThat(keyCheck(bundle, KeyStatus.RETIRED).status()).isEqualTo(CheckStatus.WARN);
		CheckResult revoked = keyCheck(bundle, KeyStatus.REVOKED);
		assertThat(revoked.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(revoked.message()).contains("revoked").contains("compromise");
		RevocationList otherKeys = TestBundles.revocationList(new TestBundles().publicKey, KeyStatus.ACTIVE);
		BundleVerification unknown = EvidenceBundleVerifier.builder()
			.publicKey(this.bundles.publicKey)
			.revocationList(otherKeys)
			.build()
			.verify(bundle);
		assertThat(unknown.check(EvidenceCheck.KEY).status()).isEqualTo(CheckStatus.WARN);
		assertThat(unknown.check(EvidenceCheck.KEY).message()).contains("unknown");
		// a list alone looks up the manifest's key id; the signature stays unverified
		BundleVerification listOnly = EvidenceBundleVerifier.builder()
			.revocationList(TestBundles.revocationList(this.bundles.publicKey, KeyStatus.REVOKED))
			.build()
			.verify(bundle);
		assertThat(listOnly.check(EvidenceCheck.KEY).status()).isEqualTo(CheckStatus.FAIL);
	}

	@Test
	void aBundleWithoutAManifestFails() {
		BundleVerification result = this.verifier.verify(TestBundles.zipEntries(TestBundles.artifacts()));
		assertThat(result.failed()).isTrue();
		assertThat(result.check(EvidenceCheck.MANIFEST).message()).contains("not at the root");
		assertThat(result.manifestSha256()).isNull();
		Map<String, byte[]> nested = new LinkedHashMap<>();
		nested.put("bundle/manifest.json", CanonicalJson.toBytes(Map.of("artifacts", List.of())));
		assertThat(this.verifier.verify(TestBundles.zipEntries(nested)).check(EvidenceCheck.MANIFEST).status())
			.isEqualTo(CheckStatus.FAIL);
	}

	@Test
	void malformedManifestsFail() {
		for (String manifest : List.of("not json", "[]", "{}", "{\"artifacts\":[{\"name\":\"a\"}]}",
				"{\"artifacts\":[{\"name\":\"a\",\"sha256\":\"" + "A".repeat(64) + "\",\"size_bytes\":1}]}",
				"{\"artifacts\":[{\"name\":\"a\",\"sha256\":\"" + "a".repeat(64) + "\",\"size_bytes\":-1}]}")) {
			Map<String, byte[]> entries = Map.of("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
			BundleVerification result = this.verifier.verify(TestBundles.zipEntries(entries));
			assertThat(result.check(EvidenceCheck.MANIFEST).status()).as(manifest).isEqualTo(CheckStatus.FAIL);
			assertThat(result.failed()).isTrue();
		}
	}

	@Test
	void unreadableAndOversizedBundlesAreRefused() {
		assertThatExceptionOfType(EvidenceBundleException.class)
			.isThrownBy(() -> this.verifier.verify("not a zip".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("not a ZIP");
		byte[] bundle = this.bundles.bundle();
		assertThatExceptionOfType(EvidenceBundleException.class)
			.isThrownBy(() -> EvidenceBundleVerifier.builder().maxEntries(2).build().verify(bundle))
			.withMessageContaining("more than 2 entries");
		// a bomb: 8 MiB of zeros compress to a few KiB
		byte[] bomb = TestBundles.zipEntries(Map.of("zeros.bin", new byte[8 * 1024 * 1024]));
		assertThat(bomb.length).isLessThan(64 * 1024);
		assertThatExceptionOfType(EvidenceBundleException.class)
			.isThrownBy(() -> EvidenceBundleVerifier.builder().maxEntryBytes(1024 * 1024).build().verify(bomb))
			.withMessageContaining("'zeros.bin' is larger than 1048576 bytes");
		assertThatExceptionOfType(EvidenceBundleException.class)
			.isThrownBy(() -> EvidenceBundleVerifier.builder().maxTotalBytes(100).build().verify(bundle))
			.withMessageContaining("more than 100 bytes uncompressed in all");
	}

	private CheckResult keyCheck(byte[] bundle, KeyStatus status) {
		return EvidenceBundleVerifier.builder()
			.publicKey(this.bundles.publicKey)
			.revocationList(TestBundles.revocationList(this.bundles.publicKey, status))
			.build()
			.verify(bundle)
			.check(EvidenceCheck.KEY);
	}

}
