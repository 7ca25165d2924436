package dev.ferry.web;

import java.util.Locale;

import jakarta.validation.MessageInterpolator;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean validation writes its messages in English (the root bundles, never the JVM default
 * locale's) whatever the request's locale, like every other part of the server:
 * {@link FieldErrorLanguage} then translates them with the rest of the problem, by the
 * same reading of {@code Accept-Language} and from the same catalogue, instead of
 * Hibernate Validator's own bundles picking a language of their own.
 */
@Configuration(proxyBeanMethods = false)
class EnglishValidationMessages {

	@Bean
	ValidationConfigurationCustomizer englishMessageInterpolator() {
		return (configuration) -> {
			MessageInterpolator defaults = configuration.getDefaultMessageInterpolator();
			configuration.messageInterpolator(new English(defaults));
		};
	}

	private record English(MessageInterpolator delegate) implements MessageInterpolator {

		@Override
		public String interpolate(String template, Context context) {
			return delegate.interpolate(template, context, Locale.ROOT);
		}

		@Override
		public String interpolate(String template, Context context, Locale locale) {
			return delegate.interpolate(template, context, Locale.ROOT);
		}

	}

}
