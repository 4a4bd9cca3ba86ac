/**
 * Governed LLM calls: a ChatClient advisor that pre-authorizes each model call on the
 * Specora platform, follows its routing, and records the execution.
 */
package ai.specora.spring.ai.chat;
