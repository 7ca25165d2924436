package dev.ferry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A request field that names something: {@link Names#flaw} must find nothing wrong with
 * it ({@code null} is left to {@code @NotBlank} and friends).
 */
@Documented
@Constraint(validatedBy = SafeName.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeName {

	String message() default "must not contain control or invisible text-direction characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Reports the flaw itself, so the client learns which character was refused. */
	class Check implements ConstraintValidator<SafeName, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return Names.flaw(value).map((flaw) -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(flaw).addConstraintViolation();
				return false;
			}).orElse(true);
		}

	}

}
