package ai.specora.sample.web;

import ai.specora.sample.tools.Customer;
import ai.specora.sample.tools.CustomerTools;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer lookup tool over HTTP.
 */
@RestController
@RequestMapping("/api/customers")
public class CustomerController {

	private final CustomerTools customers;

	/**
	 * Creates the controller.
	 * @param customers the governed tool
	 */
	public CustomerController(CustomerTools customers) {
		this.customers = customers;
	}

	/**
	 * Looks a customer up.
	 * @param customerId the customer's id
	 * @return the customer
	 */
	@GetMapping("/{customerId}")
	public Customer lookUp(@PathVariable String customerId) {
		return this.customers.lookUp(customerId);
	}

}
