package dev.ferry.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.hibernate.validator.engine.HibernateConstraintViolation;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code validation} problem: one entry per invalid input in {@code errors},
 * each {@code {field, message}} with the field named exactly as the client sent it (JSON
 * property path, query parameter, path variable or header name), plus {@code suggestions}
 * when a constraint gave advice as its dynamic payload (a password).
 */
@Component
class Validation {

	private final JsonFieldNames fieldNames;

	Validation(JsonFieldNames fieldNames) {
		this.fieldNames = fieldNames;
	}

	static ProblemDetail problem(List<Map<String, Object>> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation",
				"Some fields are invalid; see 'errors'.");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

	static Map<String, Object> error(String field, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		if (field != null && !field.isEmpty()) {
			error.put("field", field);
		}
		error.put("message", message);
		return error;
	}

	ProblemDetail of(BindingResult result) {
		return problem(toList(result, result.getTarget()));
	}

	ProblemDetail of(HandlerMethodValidationException ex) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors parameterErrors) {
				errors.addAll(toList(parameterErrors, parameterErrors.getArgument()));
			}
			else {
				String name = parameterName(result.getMethodParameter());
				result.getResolvableErrors().forEach((error) -> errors.add(error(name, message(error))));
			}
		}
		return problem(errors);
	}

	ProblemDetail of(ConstraintViolationException ex) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			errors.add(withSuggestions(error(propertyPath(violation.getPropertyPath()), violation.getMessage()),
					violation));
		}
		return problem(errors);
	}

	private List<Map<String, Object>> toList(Errors errors, Object target) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (FieldError error : errors.getFieldErrors()) {
			String field = (target != null) ? fieldNames.of(target.getClass(), error.getField()) : error.getField();
			list.add(withSuggestions(error(field, message(error)), violationOf(error)));
		}
		errors.getGlobalErrors().forEach((error) -> list.add(error(null, message(error))));
		return list;
	}

	/**
	 * The property path below the method parameter, in JSON names:
	 * {@code items[0].file_name}.
	 */
	private String propertyPath(Path path) {
		StringBuilder javaPath = new StringBuilder();
		String parameter = null;
		for (Path.Node node : path) {
			if (node.getKind() == ElementKind.PARAMETER) {
				parameter = node.getName();
			}
			else if (node.getKind() == ElementKind.PROPERTY) {
				javaPath.append(javaPath.isEmpty() ? "" : ".").append(node.getName());
				if (node.getIndex() != null) {
					javaPath.append('[').append(node.getIndex()).append(']');
				}
			}
		}
		return javaPath.isEmpty() ? parameter : fieldNames.of(Object.class, javaPath.toString());
	}

	/**
	 * The name the client used: {@code @RequestParam("page_size")} wins over the Java
	 * name.
	 */
	private static String parameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		String declared = (param != null) ? either(param.name(), param.value())
				: (variable != null) ? either(variable.name(), variable.value())
						: (header != null) ? either(header.name(), header.value()) : "";
		return declared.isEmpty() ? parameter.getParameterName() : declared;
	}

	private static String either(String name, String value) {
		return name.isEmpty() ? value : name;
	}

	private static ConstraintViolation<?> violationOf(FieldError error) {
		return error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class) : null;
	}

	private static Map<String, Object> withSuggestions(Map<String, Object> error, ConstraintViolation<?> violation) {
		if (violation != null && violation.unwrap(HibernateConstraintViolation.class)
			.getDynamicPayload(List.class) instanceof List<?> suggestions && !suggestions.isEmpty()) {
			error.put("suggestions", suggestions);
		}
		return error;
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

}
