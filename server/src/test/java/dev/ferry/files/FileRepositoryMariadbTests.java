package dev.ferry.files;

import dev.ferry.testing.Databases;

class FileRepositoryMariadbTests extends FileRepositoryContract {

	@Override
	Databases.Vendor vendor() {
		return Databases.Vendor.MARIADB;
	}

}
