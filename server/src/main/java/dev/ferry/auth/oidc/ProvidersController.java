package dev.ferry.auth.oidc;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.Items;
import dev.ferry.auth.SignInOptions;

/** The sign-in methods this server offers, for the sign-in page (public). */
@Tag(name = "auth")
@RestController
class ProvidersController {

	private final OidcProviders providers;

	private final AccountSecurityProperties properties;

	private final List<SignInOptions> others;

	ProvidersController(OidcProviders providers, AccountSecurityProperties properties, List<SignInOptions> others) {
		this.providers = providers;
		this.properties = properties;
		this.others = others;
	}

	@Operation(operationId = "listSignInMethods", summary = "The sign-in methods this server offers")
	@GetMapping("/api/v1/auth/providers")
	Items<Method> providers() {
		List<Method> methods = new ArrayList<>();
		if (properties.passwordLogin()) {
			methods.add(new Method("password", null, "Password", null));
		}
		methods.add(new Method("passkey", null, "Passkey", null));
		providers.all()
			.forEach((provider) -> methods
				.add(new Method("oidc", provider.id(), provider.name(), "/api/v1/auth/login/oidc/" + provider.id())));
		others.stream()
			.flatMap((other) -> other.options().stream())
			.forEach((option) -> methods.add(new Method(option.type(), option.id(), option.name(), option.startUrl())));
		return new Items<>(methods);
	}

	/**
	 * One way in: {@code type} is {@code password}, {@code passkey}, {@code oidc} or
	 * {@code saml}; an {@code oidc} or {@code saml} method names its provider and the URL
	 * that starts it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Method(String type, String id, String name, String startUrl) {
	}

}
