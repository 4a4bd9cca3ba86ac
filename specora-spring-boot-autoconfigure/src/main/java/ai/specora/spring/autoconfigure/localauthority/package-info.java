/**
 * Auto-configuration of the embedded local authority, {@code specora.local-authority.*}:
 * for development, demos and tests only.
 */
package ai.specora.spring.autoconfigure.localauthority;
