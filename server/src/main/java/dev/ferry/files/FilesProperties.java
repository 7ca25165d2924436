package dev.ferry.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Files settings. Quotas apply to users without their own {@code quota_bytes}; a missing
 * admin default means admins are unlimited. {@code versions.keep} is how many versions of
 * a file are kept, the current one included, unless the account has its own number.
 */
@ConfigurationProperties("ferry.files")
record FilesProperties(@DefaultValue Quota quota, @DefaultValue Versions versions, @DefaultValue Trash trash) {

	record Quota(@DefaultValue("10GB") DataSize defaultUser, @DefaultValue("0B") DataSize defaultGuest,
			DataSize defaultAdmin) {
	}

	record Versions(@DefaultValue("10") int keep) {
	}

	/** Days a deleted file stays in the trash; 0: deleting shreds at once. */
	record Trash(@DefaultValue("30") int days) {
	}

}
