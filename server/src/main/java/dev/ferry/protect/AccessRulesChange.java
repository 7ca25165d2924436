package dev.ferry.protect;

import java.util.List;

/**
 * A change to an object's access rules (the body of a PATCH): a list that is present
 * replaces the stored one (empty clears it), an absent one keeps it.
 */
public record AccessRulesChange(List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries) {

	public boolean changesNothing() {
		return allowedIps == null && allowedCountries == null && deniedCountries == null;
	}

}
