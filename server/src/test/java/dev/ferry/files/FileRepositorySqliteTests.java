package dev.ferry.files;

import dev.ferry.testing.Databases;

class FileRepositorySqliteTests extends FileRepositoryContract {

	@Override
	Databases.Vendor vendor() {
		return Databases.Vendor.SQLITE;
	}

}
