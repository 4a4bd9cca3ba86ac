package ai.specora.client.platform;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.specora.client.NotFoundException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraUnavailableException;
import ai.specora.client.ValidationException;
import ai.specora.client.evidence.EvidencePublicKey;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The evidence downloads against a WireMock platform: the bundle's bytes as they came
 * (a ZIP is not UTF-8), the signing key, and the errors.
 */
class EvidenceDownloadTest {

	/** Bytes that are not UTF-8, as a ZIP's are not: {@code PK\3\4} and a stray 0xff. */
	private static final byte[] ZIP = { 0x50, 0x4b, 0x03, 0x04, (byte) 0xff, (byte) 0xc3, 0x28, 0x00 };

	private static final String PEM = """
			-----BEGIN PUBLIC KEY-----
			MCowBQYDK2VwAyEA4bc9W+LJGyVi7bx6D9T12VIMaqkwzxIA/zs0V++ztWM=
			-----END PUBLIC KEY-----
			""";

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	private final SpecoraClient client = PlatformFixtures.modelB(platform).build();

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void downloadsTheBundlesBytesAsTheyCame(@TempDir Path dir) throws Exception {
		platform.stubFor(get("/v1/platform/evidence/bundles/evb_1").willReturn(zip(ZIP)));
		assertThat(this.client.platform().downloadEvidenceBundle("evb_1")).isEqualTo(ZIP);
		Path file = this.client.platform().downloadEvidenceBundle("evb_1", dir.resolve("evb_1.zip"));
		assertThat(Files.readAllBytes(file)).isEqualTo(ZIP);
		StepVerifier.create(this.client.reactive().platform().downloadEvidenceBundle("evb_1"))
			.assertNext((bytes) -> assertThat(bytes).isEqualTo(ZIP))
			.verifyComplete();
		platform.verify(getRequestedFor(urlEqualTo("/v1/platform/evidence/bundles/evb_1"))
			.withHeader("Accept", equalTo("application/zip"))
			.withHeader("Authorization", equalTo("Bearer " + PlatformFixtures.API_KEY))
			.withHeader("X-Specora-Vendor-Id", equalTo(PlatformFixtures.VENDOR_ID))
			.withHeader("Idempotency-Key", absent()));
	}

	@Test
	void theBundleIdIsEncodedInThePath() {
		platform.stubFor(get("/v1/platform/evidence/bundles/a%2Fb%20c").willReturn(zip(ZIP)));
		assertThat(this.client.platform().downloadEvidenceBundle("a/b c")).isEqualTo(ZIP);
	}

	@Test
	void anUnknownBundleIsNotFound() {
		platform.stubFor(get("/v1/platform/evidence/bundles/evb_nope").willReturn(PlatformFixtures.json(404,
				"{\"error\": {\"code\": \"not_found\", \"message\": \"evidence bundle evb_nope not found\"}}")));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.client.platform().downloadEvidenceBundle("evb_nope"))
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo("req_srv_42"));
	}

	@Test
	void aBundleOverTheResponseCapIsRefused() {
		platform.stubFor(get("/v1/platform/evidence/bundles/evb_big").willReturn(zip(new byte[10 * 1024 * 1024 + 1])));
		try (SpecoraClient once = PlatformFixtures.modelB(platform).retries(0).build()) {
			assertThatExceptionOfType(SpecoraUnavailableException.class)
				.isThrownBy(() -> once.platform().downloadEvidenceBundle("evb_big"))
				.withMessageContaining("10 MiB");
		}
	}

	@Test
	void aModelAClientMayNotDownloadButMayReadTheSigningKey() {
		platform.stubFor(get("/v1/platform/evidence/signing-key").willReturn(WireMock.aResponse()
			.withStatus(200)
			.withHeader("Content-Type", "application/x-pem-file")
			.withHeader("X-Specora-Key-Id", "spk-e1c8139bffc31826")
			.withBody(PEM)));
		try (SpecoraClient modelA = PlatformFixtures.modelA(platform).build()) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> modelA.platform().downloadEvidenceBundle("evb_1"))
				.withMessageContaining("Model B");
			EvidencePublicKey key = modelA.platform().signingKey();
			assertThat(key.keyId()).isEqualTo("spk-e1c8139bffc31826");
			assertThat(key.toPem()).isEqualTo(PEM);
		}
		platform.verify(getRequestedFor(urlEqualTo("/v1/platform/evidence/signing-key")).withHeader("Accept",
				equalTo("application/x-pem-file")));
		assertThat(platform.findAll(getRequestedFor(urlEqualTo("/v1/platform/evidence/bundles/evb_1")))).isEmpty();
	}

	@Test
	void aSigningKeyThatIsNotPemIsMalformed() {
		platform.stubFor(get("/v1/platform/evidence/signing-key").willReturn(PlatformFixtures.json(200, "{}")));
		try (SpecoraClient once = PlatformFixtures.modelB(platform).retries(0).build()) {
			assertThatExceptionOfType(SpecoraUnavailableException.class).isThrownBy(() -> once.platform().signingKey())
				.withMessageContaining("malformed");
		}
	}

	@Test
	void aFileThatCannotBeWrittenRaises(@TempDir Path dir) {
		platform.stubFor(get("/v1/platform/evidence/bundles/evb_1").willReturn(zip(ZIP)));
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(
				() -> this.client.platform().downloadEvidenceBundle("evb_1", dir.resolve("missing/evb_1.zip")));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder zip(byte[] bytes) {
		return WireMock.aResponse()
			.withStatus(200)
			.withHeader("Content-Type", "application/zip")
			.withHeader("X-Request-Id", "req_srv_42")
			.withBody(bytes);
	}

}
