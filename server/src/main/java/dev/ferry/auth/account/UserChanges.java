package dev.ferry.auth.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ferry.SafeName;
import dev.ferry.auth.Role;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/v1/admin/users/{id}}. A class rather than a record
 * because a PATCH must tell an absent field (keep) from an explicit null (clear: no name,
 * the default quota), and only setters see the difference.
 */
final class UserChanges {

	@Size(max = 200)
	@SafeName
	private String name;

	private boolean nameSet;

	@Pattern(regexp = Role.PATTERN, message = "must be one of admin, user, guest")
	private String role;

	@PositiveOrZero
	private Long quotaBytes;

	private boolean quotaBytesSet;

	private List<String> allowedIps;

	private List<String> allowedCountries;

	private List<String> deniedCountries;

	public void setName(String name) {
		this.name = name;
		this.nameSet = true;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public void setQuotaBytes(Long quotaBytes) {
		this.quotaBytes = quotaBytes;
		this.quotaBytesSet = true;
	}

	/**
	 * Null (absent or null in the body) keeps the account's networks; empty clears them.
	 */
	public void setAllowedIps(List<String> allowedIps) {
		this.allowedIps = allowedIps;
	}

	public void setAllowedCountries(List<String> allowedCountries) {
		this.allowedCountries = allowedCountries;
	}

	public void setDeniedCountries(List<String> deniedCountries) {
		this.deniedCountries = deniedCountries;
	}

	List<String> allowedIps() {
		return allowedIps;
	}

	List<String> allowedCountries() {
		return allowedCountries;
	}

	List<String> deniedCountries() {
		return deniedCountries;
	}

	String name() {
		return name;
	}

	boolean nameSet() {
		return nameSet;
	}

	Optional<String> role() {
		return Optional.ofNullable(role);
	}

	Long quotaBytes() {
		return quotaBytes;
	}

	boolean quotaBytesSet() {
		return quotaBytesSet;
	}

	/**
	 * Names of the fields the request sets, for the audit record (never their values).
	 */
	List<String> changedFields() {
		List<String> fields = new ArrayList<>();
		if (nameSet) {
			fields.add("name");
		}
		if (role != null) {
			fields.add("role");
		}
		if (quotaBytesSet) {
			fields.add("quota_bytes");
		}
		if (allowedIps != null) {
			fields.add("allowed_ips");
		}
		if (allowedCountries != null) {
			fields.add("allowed_countries");
		}
		if (deniedCountries != null) {
			fields.add("denied_countries");
		}
		return fields;
	}

}
