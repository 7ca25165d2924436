package dev.ferry.files;

import java.util.Locale;

/** Where a file stands in malware scanning; stored and shown in lower case. */
public enum ScanStatus {

	/** Waiting for (or between attempts of) a scan: only its owner may download it. */
	PENDING,

	/** The scanner found nothing. */
	CLEAN,

	/** The scanner found malware: quarantined, served to nobody. */
	INFECTED,

	/** No scanner was configured when the file arrived. */
	SKIPPED,

	/** Every attempt failed; served to others only when the policy allows it. */
	ERROR;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ScanStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
