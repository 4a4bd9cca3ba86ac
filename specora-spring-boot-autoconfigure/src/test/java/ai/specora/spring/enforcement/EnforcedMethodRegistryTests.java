package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import ai.specora.client.EnforceRequest;
import ai.specora.spring.Enforced;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Resolution, parsing and checking of {@code @Enforced} declarations, and the requests
 * built from them.
 */
class EnforcedMethodRegistryTests {

	private final EnforcedMethodRegistry registry = new EnforcedMethodRegistry(null);

	@Test
	void resolvesOnceAndCachesPerMethodAndClass() {
		Method method = method(GovernedServices.Tools.class, "write");
		EnforcedMethod first = this.registry.getEnforcedMethod(method, GovernedServices.Tools.class);
		assertThat(first).isNotNull().isSameAs(this.registry.getEnforcedMethod(method, GovernedServices.Tools.class));
		assertThat(first.getActionType()).isEqualTo("plain");
		assertThat(first.isWriteOp()).isTrue();
		assertThat(first.getFailMode()).isEqualTo(EnforcedFailMode.INHERIT);
		assertThat(first.getOnSuspend()).isEqualTo(OnSuspend.THROW);
	}

	@Test
	void buildsTheRequestFromParametersByNameAndPosition() {
		Method method = method(GovernedServices.Tools.class, "write");
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method, GovernedServices.Tools.class);
		EnforceRequest request = enforced
			.request(() -> enforced.evaluationContext(new GovernedServices.Tools(), new Object[] { "users", 4, 1.5 }));
		assertThat(request.scope()).containsExactly(Map.entry("table", "users"), Map.entry("row", 4));
		assertThat(request.args()).containsExactly(Map.entry("id", 4));
		assertThat(request.estimatedCost()).isEqualByComparingTo(new BigDecimal("1.5"));
		assertThat(request.estimatedVolume()).isEqualTo(5);
		InvocationEvaluationContext context = enforced.evaluationContext(null, new Object[] { "users", 4, 1.5 });
		assertThat(enforced.costActual(() -> context, "abcd")).isEqualByComparingTo("2.0");
	}

	@Test
	void asksTheReactiveAdapterRegistryOnlyForReturnTypesThatMayBeReactive() {
		CountingAdapterRegistry adapters = new CountingAdapterRegistry();
		EnforcedMethodRegistry registry = new EnforcedMethodRegistry(null, new DefaultParameterNameDiscoverer(),
				adapters);
		assertThat(registry.hasEnforcedMethods(ReturnTypes.class)).isTrue();
		assertThat(registry.getEnforcedMethod(method(ReturnTypes.class, "count"), ReturnTypes.class).returnKind())
			.isEqualTo(EnforcedMethod.ReturnKind.BLOCKING);
		assertThat(registry.getEnforcedMethod(method(ReturnTypes.class, "name"), ReturnTypes.class).returnKind())
			.isEqualTo(EnforcedMethod.ReturnKind.BLOCKING);
		assertThat(registry.getEnforcedMethod(method(ReturnTypes.class, "list"), ReturnTypes.class).returnKind())
			.isEqualTo(EnforcedMethod.ReturnKind.BLOCKING);
		assertThat(registry.getEnforcedMethod(method(ReturnTypes.class, "mono"), ReturnTypes.class).returnKind())
			.isEqualTo(EnforcedMethod.ReturnKind.REACTIVE);
		// void, int and String need no lookup; List and Mono do (Mono twice: kind and adapter)
		assertThat(adapters.asked).containsExactlyInAnyOrder(java.util.List.class, Mono.class, Mono.class);
	}

	@Test
	void expressionsCannotAssignVariables() {
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method(Assigning.class, "run"), Assigning.class);
		assertThatExceptionOfType(EnforcedExpressionException.class)
			.isThrownBy(() -> enforced.request(() -> enforced.evaluationContext(null, new Object[] { "a" })));
	}

	@Test
	void classWithoutAnnotationsHasNoGovernedMethods() {
		assertThat(this.registry.hasEnforcedMethods(String.class)).isFalse();
		assertThat(this.registry.hasEnforcedMethods(GovernedServices.Scopes.class)).isFalse();
		assertThat(this.registry.hasEnforcedMethods(GovernedServices.Reports.class)).isTrue();
	}

	@Test
	void privateMethodCannotBeGoverned() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(PrivateMethod.class))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(EnforcedMethodDefinitionException.Problem.NOT_INTERCEPTABLE))
			.withMessageContaining("PrivateMethod.hidden()");
	}

	@Test
	void finalMethodCannotBeGoverned() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(FinalMethod.class))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(EnforcedMethodDefinitionException.Problem.NOT_INTERCEPTABLE))
			.withMessageContaining("FinalMethod")
			.withMessageContaining("run()")
			.withMessageContaining("final");
	}

	@Test
	void inheritedFinalMethodCannotBeGoverned() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(InheritsFinalMethod.class))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(EnforcedMethodDefinitionException.Problem.NOT_INTERCEPTABLE))
			.withMessageContaining("InheritsFinalMethod")
			.withMessageContaining("run()");
	}

	@Test
	void classLevelAnnotationOnAClassWithAPublicFinalMethodIsRefused() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(GovernedClassWithFinalMethod.class))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(EnforcedMethodDefinitionException.Problem.NOT_INTERCEPTABLE))
			.withMessageContaining("GovernedClassWithFinalMethod")
			.withMessageContaining("sealed()");
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(GovernedClassInheritingFinalMethod.class))
			.withMessageContaining("GovernedClassInheritingFinalMethod")
			.withMessageContaining("sealed()");
	}

	@Test
	void invalidApprovalTimeoutIsRefused() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(BadTimeout.class))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(EnforcedMethodDefinitionException.Problem.INVALID_VALUE);
				assertThat(ex.getAttribute()).isEqualTo("approvalTimeout");
			});
	}

	@Test
	void negativeConstantCostIsRefused() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(NegativeCost.class))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("estimatedCost"));
	}

	@Test
	void costThatIsNotANumberFailsTheCall() {
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method(TextCost.class, "run"), TextCost.class);
		assertThatExceptionOfType(EnforcedExpressionException.class)
			.isThrownBy(() -> enforced.request(() -> enforced.evaluationContext(null, new Object[] { "lots" })))
			.withMessageContaining("estimatedCost")
			.withMessageContaining("must evaluate to a number");
	}

	@Test
	void resultIsOnlyKnownToCostActual() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(ResultInScope.class))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(EnforcedMethodDefinitionException.Problem.UNKNOWN_VARIABLE));
	}

	@Test
	void requestIdExpressionGivesTheRequestId() {
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method(Retried.class, "run"), Retried.class);
		UUID first = enforced.request(() -> enforced.evaluationContext(null, new Object[] { "re_42" })).requestId();
		assertThat(first).isEqualTo(new EnforcedRequestIds("retried").of("re_42"))
			.isEqualTo(enforced.request(() -> enforced.evaluationContext(null, new Object[] { "re_42" })).requestId());
		assertThat(enforced.request(() -> enforced.evaluationContext(null, new Object[] { "re_43" })).requestId())
			.isNotEqualTo(first);
	}

	@Test
	void withoutRequestIdEachCallHasANewOne() {
		Method method = method(GovernedServices.Tools.class, "write");
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method, GovernedServices.Tools.class);
		Object[] arguments = { "users", 4, 1.5 };
		assertThat(enforced.request(() -> enforced.evaluationContext(null, arguments)).requestId()).isNotNull()
			.isNotEqualTo(enforced.request(() -> enforced.evaluationContext(null, arguments)).requestId());
	}

	@Test
	void nullRequestIdFailsTheCall() {
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method(Retried.class, "run"), Retried.class);
		assertThatExceptionOfType(EnforcedExpressionException.class)
			.isThrownBy(() -> enforced.request(() -> enforced.evaluationContext(null, new Object[] { null })))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("requestId"))
			.withMessageContaining("Retried.run(String)")
			.withMessageContaining("evaluated to null")
			.withMessageContaining("the method was not run");
	}

	@Test
	void invalidRequestIdExpressionIsRefused() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(BadRequestId.class))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(EnforcedMethodDefinitionException.Problem.INVALID_EXPRESSION);
				assertThat(ex.getAttribute()).isEqualTo("requestId");
			})
			.withMessageContaining("BadRequestId.run(String)");
	}

	@Test
	void requestIdNamingAnUnknownParameterIsRefused() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(UnknownRequestId.class))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(EnforcedMethodDefinitionException.Problem.UNKNOWN_VARIABLE);
				assertThat(ex.getAttribute()).isEqualTo("requestId");
			})
			.withMessageContaining("#refund");
	}

	@Test
	void resultIsNotKnownToRequestId() {
		assertThatExceptionOfType(EnforcedMethodDefinitionException.class)
			.isThrownBy(() -> this.registry.hasEnforcedMethods(ResultInRequestId.class))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("requestId"));
	}

	private static Method method(Class<?> type, String name) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			if (method.getName().equals(name)) {
				return method;
			}
		}
		throw new IllegalArgumentException(name);
	}

	public static class Assigning {

		@Enforced(actionType = "x", scope = "{'k': (#p0 = 'changed')}")
		public void run(String value) {
		}

	}

	public static class PrivateMethod {

		@Enforced(actionType = "x", scope = "{'k': 'v'}")
		private void hidden() {
		}

	}

	public static class FinalMethod {

		@Enforced(actionType = "x", scope = "{'k': 'v'}")
		public final void run() {
		}

	}

	public static class InheritsFinalMethod extends FinalMethod {

	}

	@Enforced(actionType = "x", scope = "{'k': 'v'}")
	public static class GovernedClassWithFinalMethod {

		public void open() {
		}

		public final void sealed() {
		}

	}

	public static class UngovernedBase {

		public final void sealed() {
		}

	}

	@Enforced(actionType = "x", scope = "{'k': 'v'}")
	public static class GovernedClassInheritingFinalMethod extends UngovernedBase {

		public void open() {
		}

	}

	public static class BadTimeout {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", onSuspend = OnSuspend.WAIT, approvalTimeout = "soon")
		public void run() {
		}

	}

	public static class NegativeCost {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", estimatedCost = "-1")
		public void run() {
		}

	}

	public static class TextCost {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", estimatedCost = "#p0")
		public void run(String cost) {
		}

	}

	public static class ResultInScope {

		@Enforced(actionType = "x", scope = "{'k': #result}")
		public String run() {
			return "";
		}

	}

	public static class Retried {

		@Enforced(actionType = "retried", scope = "{'k': 'v'}", requestId = "#id")
		public void run(String id) {
		}

	}

	public static class BadRequestId {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", requestId = "#id +")
		public void run(String id) {
		}

	}

	public static class UnknownRequestId {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", requestId = "#refund.id")
		public void run(String id) {
		}

	}

	public static class ReturnTypes {

		@Enforced(actionType = "x", scope = "{'k': 'v'}")
		public void run() {
		}

		@Enforced(actionType = "x", scope = "{'k': 'v'}")
		public int count() {
			return 1;
		}

		@Enforced(actionType = "x", scope = "{'k': 'v'}")
		public String name() {
			return "a";
		}

		@Enforced(actionType = "x", scope = "{'k': 'v'}")
		public java.util.List<String> list() {
			return java.util.List.of();
		}

		@Enforced(actionType = "x", scope = "{'k': 'v'}")
		public Mono<String> mono() {
			return Mono.just("a");
		}

	}

	/**
	 * Spring's adapters, recording which return types they were asked about.
	 */
	static final class CountingAdapterRegistry extends ReactiveAdapterRegistry {

		final java.util.List<Class<?>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public ReactiveAdapter getAdapter(Class<?> reactiveType) {
			this.asked.add(reactiveType);
			return ReactiveAdapterRegistry.getSharedInstance().getAdapter(reactiveType);
		}

	}

	public static class ResultInRequestId {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", requestId = "#result")
		public String run(String id) {
			return id;
		}

	}

}
