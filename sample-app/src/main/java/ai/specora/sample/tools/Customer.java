package ai.specora.sample.tools;

/**
 * A customer as the support agent sees it.
 *
 * @param id the customer's id, e.g. {@code cus_1001}
 * @param name the customer's name
 * @param email the customer's e-mail address
 * @param plan the subscription plan
 */
public record Customer(String id, String name, String email, String plan) {

}
