package dev.ferry.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.testing.FuzzBudget;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz target for the JSON body of every endpoint: each {@code @RequestBody} type
 * of every controller, read by a mapper configured like the application's (snake_case,
 * the strict coercion of {@link StrictJsonConfiguration}, unknown properties ignored) and
 * checked by the Bean Validation validator. A body either binds and validates (violations
 * are a 400 with field errors) or is unreadable, which {@link UnreadableBody} turns into
 * a 400 or 413 problem; any other exception would be a 500. See {@code bin/fuzz}.
 */
class RequestBodiesFuzzTests {

	private static final List<Type> BODIES = requestBodies();

	private static final JsonMapper MAPPER = mapper();

	private static final Validator VALIDATOR = validator();

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void everyRequestBodyBindsOrIsA400(FuzzedDataProvider data) {
		Type type = BODIES.get(data.consumeInt(0, BODIES.size() - 1));
		String json = data.consumeRemainingAsString();
		Object body;
		try {
			body = MAPPER.readValue(json, MAPPER.constructType(type));
		}
		catch (JacksonException ex) {
			ProblemDetail problem = UnreadableBody.problemFor(
					new HttpMessageNotReadableException("unreadable", ex, new MockHttpInputMessage(new byte[0])));
			assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
			assertThat(problem.getDetail()).isNotBlank();
			return;
		}
		if (body != null) {
			VALIDATOR.validate(body).forEach((violation) -> assertThat(violation.getMessage()).isNotBlank());
		}
	}

	/**
	 * Bean Validation as the server runs it, except the validators that need Spring beans
	 * (the password policy's): those accept everything here, the policy has its own
	 * tests, and this target fuzzes the binding and the other constraints.
	 */
	private static Validator validator() {
		Configuration<?> configuration = Validation.byDefaultProvider().configure();
		ConstraintValidatorFactory standard = configuration.getDefaultConstraintValidatorFactory();
		return configuration.constraintValidatorFactory(new ConstraintValidatorFactory() {

			@Override
			@SuppressWarnings("unchecked")
			public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
				try {
					key.getDeclaredConstructor();
					return standard.getInstance(key);
				}
				catch (NoSuchMethodException ex) {
					return (T) (ConstraintValidator<Annotation, Object>) (value, context) -> true;
				}
			}

			@Override
			public void releaseInstance(ConstraintValidator<?, ?> instance) {
				standard.releaseInstance(instance);
			}

		}).buildValidatorFactory().getValidator();
	}

	static List<Type> requestBodies() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		List<Type> bodies = new ArrayList<>();
		List<BeanDefinition> controllers = new ArrayList<>(scanner.findCandidateComponents("dev.ferry"));
		controllers.sort(Comparator.comparing(BeanDefinition::getBeanClassName));
		for (BeanDefinition controller : controllers) {
			Class<?> type = ClassUtils.resolveClassName(controller.getBeanClassName(), null);
			List<Method> methods = new ArrayList<>(List.of(type.getDeclaredMethods()));
			methods.sort(Comparator.comparing(Method::toGenericString));
			for (Method method : methods) {
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class)) {
						bodies.add(parameter.getParameterizedType());
					}
				}
			}
		}
		assertThat(bodies).as("request body types").hasSizeGreaterThan(40);
		return bodies;
	}

	private static JsonMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		new StrictJsonConfiguration().noScalarToTextCoercion().customize(builder);
		return builder.build();
	}

}
