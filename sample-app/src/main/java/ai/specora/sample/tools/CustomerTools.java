package ai.specora.sample.tools;

import java.util.Map;

import ai.specora.spring.Enforced;

import org.springframework.stereotype.Service;

/**
 * The agent's read-only customer tool. Reads are allowed by the default policy, but
 * they are still governed: each one is journalled by the authority.
 */
@Service
public class CustomerTools {

	private final Map<String, Customer> customers = Map.of(
			"cus_1001", new Customer("cus_1001", "Ada Lovelace", "ada@example.com", "pro"),
			"cus_1002", new Customer("cus_1002", "Grace Hopper", "grace@example.com", "enterprise"),
			"cus_1003", new Customer("cus_1003", "Alan Turing", "alan@example.com", "free"));

	/**
	 * Looks a customer up.
	 * @param customerId the customer's id
	 * @return the customer
	 * @throws CustomerNotFoundException if there is no such customer
	 */
	@Enforced(actionType = "customer_lookup", scope = "{'resource': 'customers', 'customer': #customerId}",
			estimatedCost = "0.001")
	public Customer lookUp(String customerId) {
		Customer customer = this.customers.get(customerId);
		if (customer == null) {
			throw new CustomerNotFoundException(customerId);
		}
		return customer;
	}

}
