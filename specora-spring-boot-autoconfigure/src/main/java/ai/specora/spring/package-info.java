/**
 * The annotation that puts a Spring bean's methods under Specora runtime governance,
 * and its enumerations.
 */
package ai.specora.spring;
