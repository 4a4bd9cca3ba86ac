/**
 * Evidence bundles in Specora's public wire format, checked offline: the canonical JSON
 * every hash and signature is computed over ({@link ai.specora.client.evidence.CanonicalJson}),
 * Ed25519 public keys and their key ids ({@link ai.specora.client.evidence.EvidencePublicKey}),
 * revocation lists ({@link ai.specora.client.evidence.RevocationList}) and the bundle verifier
 * ({@link ai.specora.client.evidence.EvidenceBundleVerifier}). Nothing here opens a
 * network connection; only the JDK's own cryptography is used.
 */
package ai.specora.client.evidence;
