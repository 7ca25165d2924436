package dev.ferry.auth.password;

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
 * A new password that meets the {@link PasswordPolicy} (history aside), checked with the
 * other fields of a request so every field error comes back at once.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

	String message() default "is not an acceptable password";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Spring creates it, so it gets the policy injected. */
	class Validator implements ConstraintValidator<AcceptablePassword, String> {

		private final PasswordPolicy policy;

		Validator(PasswordPolicy policy) {
			this.policy = policy;
		}

		@Override
		public boolean isValid(String password, ConstraintValidatorContext context) {
			if (password == null) {
				return true;
			}
			return policy.judge(password).map((verdict) -> {
				context.disableDefaultConstraintViolation();
				context
					.buildConstraintViolationWithTemplate(
							verdict.withSuggestions().replace("{", "\\{").replace("$", "\\$"))
					.addConstraintViolation();
				return false;
			}).orElse(true);
		}

	}

}
