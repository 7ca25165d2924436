package dev.ferry.files;

class FileRepositoryPostgresqlTests extends FileRepositoryContract {

	@Override
	TestDatabases.Vendor vendor() {
		return TestDatabases.Vendor.POSTGRESQL;
	}

}
