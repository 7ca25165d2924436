/**
 * The database: SQLite by default, or PostgreSQL/MariaDB, and its migrations. The
 * module's table in docs/architecture.md says what it owns.
 */
@ApplicationModule(displayName = "The database", allowedDependencies = { "ops" })
package dev.ferry.database;

import org.springframework.modulith.ApplicationModule;
