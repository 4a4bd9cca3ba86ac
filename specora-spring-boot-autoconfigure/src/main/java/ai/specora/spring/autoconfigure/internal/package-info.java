/**
 * What the auto-configurations of several packages share. Not API: it may change in any
 * release without notice.
 */
package ai.specora.spring.autoconfigure.internal;
