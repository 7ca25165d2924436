package dev.ferry.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the jar was built as. */
final class Version implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = Ferry.class.getPackage().getImplementationVersion();
		return new String[] { "ferry " + ((version != null) ? version : "development build") };
	}

}
