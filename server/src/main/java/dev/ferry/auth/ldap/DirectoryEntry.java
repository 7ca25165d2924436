package dev.ferry.auth.ldap;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import com.unboundid.ldap.sdk.SearchResultEntry;

/**
 * A user's directory entry after a successful bind: its DN, mail, name and groups, and
 * the directory's own id of it ({@code entryUUID}, {@code objectGUID}; null when it has
 * none), which a new entry at the same DN does not share.
 */
record DirectoryEntry(String dn, String email, String name, Set<String> groups, String entryId) {

	/** OpenLDAP's (RFC 4530) and Active Directory's own, lasting id of an entry. */
	static final String ENTRY_UUID = "entryUUID";

	static final String OBJECT_GUID = "objectGUID";

	/**
	 * The entry's {@code entryUUID}, else its {@code objectGUID} in hex; null if neither.
	 */
	static String idOf(SearchResultEntry entry) {
		String uuid = entry.getAttributeValue(ENTRY_UUID);
		if (uuid != null) {
			return uuid.toLowerCase(Locale.ROOT);
		}
		byte[] guid = entry.getAttributeValueBytes(OBJECT_GUID);
		return (guid != null) ? HexFormat.of().formatHex(guid) : null;
	}

}
