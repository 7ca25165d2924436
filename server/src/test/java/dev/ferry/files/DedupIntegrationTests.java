package dev.ferry.files;

/** {@link DedupIntegrationTest} on SQLite and the local blob directory. */
class DedupIntegrationTests extends DedupIntegrationTest {

}
