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
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A new password that meets the {@link PasswordPolicy} (history aside), checked with the
 * other fields of a request so every field error comes back at once. The broken rule is
 * the message and nbvcxz's advice rides along as the violation's dynamic payload (a list
 * of strings), which the API returns as the field error's {@code suggestions}, so each is
 * translated on its own.
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
				context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(verdict.suggestions());
				context.buildConstraintViolationWithTemplate(verdict.message().replace("{", "\\{").replace("$", "\\$"))
					.addConstraintViolation();
				return false;
			}).orElse(true);
		}

	}

}
