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

	/**
	 * The JUnit resource lock of the classes that use the cluster: they run beside the
	 * rest of the suite but one at a time, since one kills nodes and the other counts the
	 * events of every upload.
	 */
	public static final String CLUSTER = "dev.ferry.cluster.Cluster";

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
