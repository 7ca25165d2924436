package dev.ferry.auth.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A claim named by a dotted path ({@code realm_access.roles}) and read as a list of
 * strings: a JSON list, a string of space-separated values (as the {@code scope} claim
 * is) or a single value. A key that itself contains dots (Okta's and Auth0's namespaced
 * claims, {@code https://ferry.example/roles}) is found too: at every level the longest
 * matching key is tried first.
 */
final class ClaimPath {

	private ClaimPath() {
	}

	/** The values at {@code path}; empty when the claims have nothing there. */
	static Optional<List<String>> read(Map<String, ?> claims, String path) {
		if (claims == null || path == null || path.isBlank()) {
			return Optional.empty();
		}
		if (claims.containsKey(path)) {
			return Optional.ofNullable(claims.get(path)).map(ClaimPath::values);
		}
		for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
			if (claims.get(path.substring(0, dot)) instanceof Map<?, ?> nested) {
				Optional<List<String>> found = read(strings(nested), path.substring(dot + 1));
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	private static List<String> values(Object value) {
		List<String> values = new ArrayList<>();
		if (value instanceof Collection<?> list) {
			list.stream().filter((item) -> item != null && !(item instanceof Map)).forEach((item) -> {
				String text = item.toString().strip();
				if (!text.isEmpty()) {
					values.add(text);
				}
			});
		}
		else if (!(value instanceof Map)) {
			for (String part : value.toString().strip().split("\\s+")) {
				if (!part.isEmpty()) {
					values.add(part);
				}
			}
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> strings(Map<?, ?> map) {
		return (Map<String, ?>) map;
	}

}
