package dev.ferry.files;

class FileRepositorySqliteTests extends FileRepositoryContract {

	@Override
	TestDatabases.Vendor vendor() {
		return TestDatabases.Vendor.SQLITE;
	}

}
