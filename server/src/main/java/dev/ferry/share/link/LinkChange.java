package dev.ferry.share.link;

import java.util.List;

import dev.ferry.protect.AccessRulesChange;

/**
 * A change to an existing link (the body of its PATCH): each access rule list that is
 * present replaces the stored one (empty clears it), {@code showPreviews} turns the share
 * page's previews on or off; what is absent stays.
 */
public record LinkChange(List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries,
		Boolean showPreviews) {

	AccessRulesChange access() {
		return new AccessRulesChange(allowedIps, allowedCountries, deniedCountries);
	}

	boolean changesNothing() {
		return access().changesNothing() && showPreviews == null;
	}

}
