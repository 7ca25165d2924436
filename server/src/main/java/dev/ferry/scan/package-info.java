/**
 * Malware scanning: a small clamd client (INSTREAM over TCP or a Unix socket) and the
 * background worker that scans every new file from the encrypted store and settles its
 * {@code scan_status} through the files module's {@link dev.ferry.files.FileScans}.
 */
@ApplicationModule(allowedDependencies = { "auth", "files", "jobs", "notify" })
package dev.ferry.scan;

import org.springframework.modulith.ApplicationModule;
