package dev.ferry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.core.jackson.TypeNameResolver;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * Names the OpenAPI schemas. swagger-core names a schema after its class's simple name,
 * so two records of the same name ({@code auth.SessionView} and the share page's
 * {@code SessionView}) silently became one schema and the document described one of them
 * wrongly. A simple name that more than one Ferry class carries is qualified with its
 * enclosing class (without a {@code Controller}, {@code Service} or {@code Api} suffix)
 * or, for a top-level class, its module: {@code AuthSessionView},
 * {@code PublicShareSessionView}. The decision depends only on the code, so names are
 * stable from one start to the next.
 */
final class SchemaNames extends TypeNameResolver {

	private static final String ROOT = "dev/ferry/";

	private final Set<String> ambiguous;

	private SchemaNames(Set<String> ambiguous) {
		this.ambiguous = ambiguous;
	}

	static SchemaNames scan() {
		try {
			// Only the application's own classes: test classes on the classpath must not
			// change the names the tests see.
			String self = SchemaNames.class.getResource(SchemaNames.class.getSimpleName() + ".class").toString();
			String root = self.substring(0, self.indexOf(ROOT));
			Resource[] classes = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + ROOT + "**/*.class");
			Map<String, Long> counts = Arrays.stream(classes)
				.filter((resource) -> url(resource).startsWith(root))
				.map(Resource::getFilename)
				.filter((name) -> name != null && !name.contains("$$"))
				.map(SchemaNames::simpleName)
				.collect(Collectors.groupingBy((name) -> name, HashMap::new, Collectors.counting()));
			return new SchemaNames(counts.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() > 1)
				.map(Map.Entry::getKey)
				.collect(Collectors.toUnmodifiableSet()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	protected String getNameOfClass(Class<?> type) {
		String name = super.getNameOfClass(type);
		if (!type.getName().startsWith("dev.ferry.") || !name.equals(type.getSimpleName())
				|| !this.ambiguous.contains(name)) {
			return name;
		}
		return qualifier(type) + name;
	}

	private static String qualifier(Class<?> type) {
		Class<?> enclosing = type.getEnclosingClass();
		if (enclosing == null) {
			String module = type.getPackageName().substring("dev.ferry.".length()).split("\\.")[0];
			return StringUtils.capitalize(module);
		}
		return enclosing.getSimpleName().replaceFirst("(Controller|Service|Api)$", "");
	}

	private static String url(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String simpleName(String fileName) {
		String binary = fileName.substring(0, fileName.length() - ".class".length());
		return binary.substring(binary.lastIndexOf('$') + 1);
	}

}
