package dev.ferry.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Files settings. Quotas apply to users without their own {@code quota_bytes}; a missing
 * admin default means admins are unlimited.
 */
@ConfigurationProperties("ferry.files")
record FilesProperties(@DefaultValue Quota quota) {

	record Quota(@DefaultValue("10GB") DataSize defaultUser, @DefaultValue("0B") DataSize defaultGuest,
			DataSize defaultAdmin) {
	}

}
