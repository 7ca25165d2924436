package dev.ferry.sftp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SFTP settings: no {@code port} means no SFTP server. Port 0 picks a free port (tests).
 */
@ConfigurationProperties("ferry.sftp")
record SftpProperties(Integer port) {

	boolean enabled() {
		return port != null;
	}

}
