package dev.ferry.cluster;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the one {@link Cluster} of this test run: started on first use, kept in the
 * root store and closed by JUnit when the run ends, so it starts once however many
 * classes ask for it.
 */
public final class ClusterExtension implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Cluster.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(ClusterExtension.class))
			.computeIfAbsent(Cluster.class, (key) -> {
				try {
					return Cluster.start();
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}, Cluster.class);
	}

}
