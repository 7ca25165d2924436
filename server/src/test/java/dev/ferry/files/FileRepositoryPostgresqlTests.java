package dev.ferry.files;

import dev.ferry.testing.Databases;

class FileRepositoryPostgresqlTests extends FileRepositoryContract {

	@Override
	Databases.Vendor vendor() {
		return Databases.Vendor.POSTGRESQL;
	}

}
