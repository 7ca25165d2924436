package dev.ferry.auth.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The claims one sign-in can read, in the order they are asked: the ID token, then the
 * UserInfo answer, then the access token (when it is a JWT of the same issuer). The later
 * sources are fetched or verified only when a path is not found earlier, once per
 * sign-in.
 */
final class SignInClaims {

	private final List<Source> sources = new ArrayList<>();

	SignInClaims(Map<String, Object> idToken, Supplier<Map<String, Object>> userInfo,
			Supplier<Map<String, Object>> accessToken) {
		this.sources.add(new Source(() -> idToken));
		this.sources.add(new Source(userInfo));
		this.sources.add(new Source(accessToken));
	}

	/** The values at {@code path} in the first source that has it. */
	Optional<List<String>> find(String path) {
		for (Source source : sources) {
			Optional<List<String>> found = ClaimPath.read(source.get(), path);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** A source read at most once. */
	private static final class Source {

		private final Supplier<Map<String, Object>> supplier;

		private Map<String, Object> claims;

		Source(Supplier<Map<String, Object>> supplier) {
			this.supplier = supplier;
		}

		Map<String, Object> get() {
			if (claims == null) {
				claims = supplier.get();
			}
			return claims;
		}

	}

}
