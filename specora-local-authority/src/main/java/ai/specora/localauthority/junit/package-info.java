/**
 * A JUnit Jupiter extension that runs a local authority for the tests of a class.
 */
package ai.specora.localauthority.junit;
