/**
 * Delivery of the completions of governed calls: synchronous, or in the background
 * from a bounded queue with redelivery ({@link ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher}).
 */
package ai.specora.spring.enforcement.completion;
