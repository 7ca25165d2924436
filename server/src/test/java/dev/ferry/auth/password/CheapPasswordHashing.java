package dev.ferry.auth.password;

import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Swaps the server's password encoder, in every Spring context the tests boot, for the
 * same Argon2id encoder at the smallest cost Argon2 allows (16 KiB, one pass).
 *
 * <p>
 * Why: the production cost (OWASP's 19 MiB, two passes) is meant to make each hash take
 * tens of milliseconds of CPU, and the suite signs in, creates accounts and unlocks
 * password-protected links thousands of times: a profile of the {@code auth} and
 * {@code share} tests put half of the test JVM's CPU samples in Argon2. The hashes keep
 * the production format ({@code {argon2}$argon2id$...}) and accept the same formats
 * ({@link PasswordConfiguration#acceptingBcrypt}), so every path that hashes or verifies
 * still runs; {@code PasswordConfigurationTests} pins the production cost. Child servers
 * ({@code FerryProcess}) run the application's {@code main}, not a test context, and keep
 * the production encoder. Registered in {@code META-INF/spring.factories}.
 */
public final class CheapPasswordHashing implements ContextCustomizerFactory {

	private static final String BEAN_NAME = "passwordEncoder";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	/**
	 * A record, so every test context gets an equal customizer and the cache still works.
	 */
	private record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.addBeanFactoryPostProcessor(CheapPasswordHashing::replaceEncoder);
		}

	}

	private static void replaceEncoder(ConfigurableListableBeanFactory beanFactory) {
		if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(BEAN_NAME)) {
			return;
		}
		registry.removeBeanDefinition(BEAN_NAME);
		registry.registerBeanDefinition(BEAN_NAME,
				new RootBeanDefinition(PasswordEncoder.class, CheapPasswordHashing::cheapEncoder));
	}

	private static PasswordEncoder cheapEncoder() {
		return PasswordConfiguration.acceptingBcrypt(new Argon2PasswordEncoder(16, 32, 1, 16, 1));
	}

}
