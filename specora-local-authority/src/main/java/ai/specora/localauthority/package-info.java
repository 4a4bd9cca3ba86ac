/**
 * A small, in-memory Specora authority for development, demos and tests:
 * {@link ai.specora.localauthority.LocalAuthority}, configured with
 * {@link ai.specora.localauthority.LocalAuthoritySettings}. Its implementation is
 * package-private.
 */
package ai.specora.localauthority;
