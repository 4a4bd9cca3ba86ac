package ai.specora.spring.enforcement;

import java.util.List;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * The evaluation context of one call: a single small object. Resolvers, accessors and
 * converters come from a shared, thread-safe template (so their caches are reused);
 * parameters are looked up by the index resolved at start-up; nothing can be assigned.
 */
final class InvocationEvaluationContext implements EvaluationContext {

	private static final String RESULT_VARIABLE = "result";

	private final StandardEvaluationContext shared;

	private final ParameterBindings bindings;

	private final TypedValue root;

	private final Object[] args;

	private Object result;

	private boolean resultAvailable;

	InvocationEvaluationContext(StandardEvaluationContext shared, ParameterBindings bindings,
			EnforcedExpressionRoot root) {
		this.shared = shared;
		this.bindings = bindings;
		this.root = new TypedValue(root);
		this.args = root.getArgs();
	}

	void setResult(Object result) {
		this.result = result;
		this.resultAvailable = true;
	}

	@Override
	public TypedValue getRootObject() {
		return this.root;
	}

	@Override
	public Object lookupVariable(String name) {
		if (this.resultAvailable && RESULT_VARIABLE.equals(name)) {
			return this.result;
		}
		int index = this.bindings.indexOf(name);
		return (index >= 0 && index < this.args.length) ? this.args[index] : null;
	}

	@Override
	public void setVariable(String name, Object value) {
		throw new IllegalStateException("@Enforced expressions cannot set variables (#" + name + ")");
	}

	@Override
	public boolean isAssignmentEnabled() {
		return false;
	}

	@Override
	public List<PropertyAccessor> getPropertyAccessors() {
		return this.shared.getPropertyAccessors();
	}

	@Override
	public List<IndexAccessor> getIndexAccessors() {
		return this.shared.getIndexAccessors();
	}

	@Override
	public List<ConstructorResolver> getConstructorResolvers() {
		return this.shared.getConstructorResolvers();
	}

	@Override
	public List<MethodResolver> getMethodResolvers() {
		return this.shared.getMethodResolvers();
	}

	@Override
	public BeanResolver getBeanResolver() {
		return this.shared.getBeanResolver();
	}

	@Override
	public TypeLocator getTypeLocator() {
		return this.shared.getTypeLocator();
	}

	@Override
	public TypeConverter getTypeConverter() {
		return this.shared.getTypeConverter();
	}

	@Override
	public TypeComparator getTypeComparator() {
		return this.shared.getTypeComparator();
	}

	@Override
	public OperatorOverloader getOperatorOverloader() {
		return this.shared.getOperatorOverloader();
	}

}
