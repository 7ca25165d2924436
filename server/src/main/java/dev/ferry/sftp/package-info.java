/**
 * SFTP: an Apache MINA SSHD server on {@code FERRY_SFTP_PORT} whose file system is the
 * account's own files (through {@link dev.ferry.files.FileTree}), signed in with the
 * account's password (and TOTP code) or an SSH key kept here.
 */
@ApplicationModule(displayName = "SFTP", allowedDependencies = { "audit", "auth", "files", "ops" })
package dev.ferry.sftp;

import org.springframework.modulith.ApplicationModule;
