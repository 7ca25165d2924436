package dev.ferry.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The server's production classes as ArchUnit sees them, imported once per test JVM for
 * every architecture rule test: the import reads and analyses every class file, which
 * took seconds for each test class that did it on its own.
 */
public final class ServerClasses {

	/** Every class under {@code dev.ferry}, tests excluded. */
	public static final JavaClasses ALL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.ferry");

	private ServerClasses() {
	}

}
