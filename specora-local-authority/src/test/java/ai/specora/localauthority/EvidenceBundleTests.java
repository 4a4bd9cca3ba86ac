package ai.specora.localauthority;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.specora.client.evidence.BundleVerification;
import ai.specora.client.evidence.CanonicalJson;
import ai.specora.client.evidence.CheckStatus;
import ai.specora.client.evidence.EvidenceBundleVerifier;
import ai.specora.client.evidence.EvidenceCheck;
import ai.specora.client.evidence.EvidencePublicKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the evidence bundles the local authority issues: in the public wire format,
 * signed with the key it publishes, checked by the client's offline verifier, and
 * failing it after any tampering.
 */
class EvidenceBundleTests extends AbstractLocalAuthorityTests {

	@Test
	void theSigningKeyIsPublishedAsPemWithItsKeyId() throws Exception {
		start((settings) -> {
		});
		HttpResponse<String> response = signingKey(true);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-pem-file");
		EvidencePublicKey key = EvidencePublicKey.fromPem(response.body());
		assertThat(key).isEqualTo(this.authority.evidenceSigningKey());
		assertThat(response.headers().firstValue("X-Specora-Key-Id")).hasValue(key.keyId());
		assertThat(key.keyId()).matches("spk-[0-9a-f]{16}");
		// Model A may read it too; no key, no key
		assertThat(signingKey(false).statusCode()).isEqualTo(200);
		assertThat(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.authority.baseUrl() + "/v1/platform/evidence/signing-key"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
	}

	@Test
	void aBundlePassesTheVerifierWithThePublishedKey() throws Exception {
		start((settings) -> {
		});
		byte[] zip = bundle();
		EvidencePublicKey published = EvidencePublicKey.fromPem(signingKey(true).body());
		BundleVerification result = verifier(published).verify(zip);
		assertThat(result.report()).startsWith("bundle verification: PASS");
		assertThat(result.keyId()).isEqualTo(published.keyId());
		assertThat(result.schemaVersion()).isEqualTo("1.1.0");
		// the manifest is written in canonical form
		byte[] manifest = Bundles.entries(zip).get("manifest.json");
		assertThat(CanonicalJson.canonicalize(manifest)).isEqualTo(manifest);
	}

	@Test
	void anyTamperingFailsTheVerifier() throws Exception {
		start((settings) -> {
		});
		byte[] zip = bundle();
		EvidenceBundleVerifier verifier = verifier(this.authority.evidenceSigningKey());
		Map<String, byte[]> entries = Bundles.entries(zip);

		Map<String, byte[]> artifact = new LinkedHashMap<>(entries);
		byte[] trace = artifact.get("trace.jsonl").clone();
		trace[5] ^= 1;
		artifact.put("trace.jsonl", trace);
		assertFails(verifier.verify(Bundles.zip(artifact)), EvidenceCheck.ARTIFACTS);

		Map<String, byte[]> field = new LinkedHashMap<>(entries);
		field.put("manifest.json", new String(field.get("manifest.json"), StandardCharsets.US_ASCII)
			.replace("\"run_id\":\"run-9\"", "\"run_id\":\"run-8\"")
			.getBytes(StandardCharsets.US_ASCII));
		assertFails(verifier.verify(Bundles.zip(field)), EvidenceCheck.SIGNATURE);

		Map<String, byte[]> signature = new LinkedHashMap<>(entries);
		String manifest = new String(signature.get("manifest.json"), StandardCharsets.US_ASCII);
		String signed = manifest.replaceAll(".*\"signature_b64\":\"([^\"]+)\".*", "$1");
		byte[] bytes = Base64.getDecoder().decode(signed);
		bytes[7] ^= 1;
		signature.put("manifest.json", manifest.replace(signed, Base64.getEncoder().encodeToString(bytes))
			.getBytes(StandardCharsets.US_ASCII));
		assertFails(verifier.verify(Bundles.zip(signature)), EvidenceCheck.SIGNATURE);

		Map<String, byte[]> missing = new LinkedHashMap<>(entries);
		missing.remove("confidence_report.json");
		assertFails(verifier.verify(Bundles.zip(missing)), EvidenceCheck.ARTIFACTS);

		// another authority's key
		LocalAuthority other = LocalAuthority
			.start(LocalAuthoritySettings.builder().apiKey(API_KEY).clock(this.clock).build());
		try {
			assertFails(verifier(other.evidenceSigningKey()).verify(zip), EvidenceCheck.SIGNATURE);
		}
		finally {
			other.close();
		}
	}

	@Test
	void aConfiguredKeySignsAndAMismatchedPairIsRefused() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		start((settings) -> settings.evidenceSigningKey(pair));
		assertThat(this.authority.evidenceSigningKey()).isEqualTo(EvidencePublicKey.of(pair.getPublic()));
		assertThat(verifier(EvidencePublicKey.of(pair.getPublic())).verify(bundle()).passed()).isTrue();
		assertThat(this.authority.settings().toString()).contains("evidenceSigningKey=(configured)")
			.doesNotContain(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));

		String privatePem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
		String publicPem = EvidencePublicKey.of(pair.getPublic()).toPem();
		assertThat(LocalAuthoritySettings.builder().apiKey(API_KEY).evidenceSigningKey(privatePem, publicPem).build()
			.evidenceSigningKey()
			.getPublic()).isEqualTo(EvidencePublicKey.of(pair.getPublic()).publicKey());
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalAuthoritySettings.builder()
				.apiKey(API_KEY)
				.evidenceSigningKey(new KeyPair(other.getPublic(), pair.getPrivate()))
				.build())
			.withMessageContaining("does not belong to the public key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalAuthoritySettings.builder().evidenceSigningKey("not pem", publicPem))
			.withMessageContaining("PKCS#8");
	}

	private byte[] bundle() {
		this.client.enforce("db_write", new BigDecimal("0.10"), Map.of("run_id", "run-9"));
		this.client.post("/v1/platform/executions", Map.of("provider", "openai", "model", "gpt-4o", "cost_micros",
				700, "input_tokens", 100, "output_tokens", 20, "success", true, "external_run_id", "run-9"));
		AuthorityClient.Reply reply = this.client.post("/v1/platform/evidence/bundles",
				Map.of("run_id", "run-9", "artifact_types", List.of("trace", "confidence_report"),
						"include_provenance", true));
		assertThat(reply.status()).isEqualTo(200);
		return this.client.getBytes("/v1/platform/evidence/bundles/" + reply.text("bundle_id"));
	}

	private HttpResponse<String> signingKey(boolean modelB) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.authority.baseUrl() + "/v1/platform/evidence/signing-key"))
			.header("Authorization", "Bearer " + API_KEY);
		if (modelB) {
			request.header("X-Specora-Vendor-Id", AuthorityClient.VENDOR_ID)
				.header("X-Specora-Tenant-Id", AuthorityClient.TENANT_ID);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static EvidenceBundleVerifier verifier(EvidencePublicKey key) {
		return EvidenceBundleVerifier.builder().publicKey(key).build();
	}

	private static void assertFails(BundleVerification result, EvidenceCheck check) {
		assertThat(result.status()).as(result.report()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.check(check).status()).as(result.report()).isEqualTo(CheckStatus.FAIL);
	}

}
