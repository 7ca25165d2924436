package dev.ferry.scim;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ferry.Names;
import dev.ferry.auth.User;
import tools.jackson.databind.JsonNode;

/**
 * A SCIM User as Ferry keeps it: {@code userName} is the account's email,
 * {@code displayName} (or {@code name}) its name, {@code active} whether it is suspended,
 * {@code externalId} the provider's id. Other attributes a provider sends (titles,
 * addresses, phone numbers) are accepted and not stored.
 */
final class UserDraft {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private String userName;

	private String displayName;

	/** The account's name as it stands, kept when an operation names none. */
	private String current;

	private String formatted;

	private String givenName;

	private String familyName;

	private boolean active = true;

	private String externalId;

	private UserDraft() {
	}

	/** What a POST or PUT body says; missing attributes take their defaults. */
	static UserDraft of(JsonNode body) {
		UserDraft draft = new UserDraft();
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			draft.set(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue());
		}
		return draft;
	}

	/** An account as it stands, to apply PATCH operations to. */
	static UserDraft of(User user, String externalId) {
		UserDraft draft = new UserDraft();
		draft.userName = user.email();
		draft.current = user.name();
		draft.active = user.isActive();
		draft.externalId = externalId;
		return draft;
	}

	/** Sets the attribute at {@code path}; a null value removes it. */
	void set(String path, JsonNode value) {
		String attribute = path.toLowerCase(Locale.ROOT);
		switch (attribute) {
			case "username" -> userName = text(path, value);
			case "displayname" -> {
				displayName = text(path, value);
				if (value == null) {
					current = null;
				}
			}
			case "externalid" -> externalId = text(path, value);
			case "name.formatted" -> formatted = text(path, value);
			case "name.givenname" -> givenName = text(path, value);
			case "name.familyname" -> familyName = text(path, value);
			case "name" -> {
				formatted = ScimJson.string(value, "formatted");
				givenName = ScimJson.string(value, "givenName");
				familyName = ScimJson.string(value, "familyName");
			}
			case "active" -> {
				if (value == null) {
					throw ScimException.invalidPath("active cannot be removed.");
				}
				active = ScimJson.bool(value, "active");
			}
			default -> {
				// Attributes Ferry has no place for are accepted and not kept, so a
				// provider's default attribute mapping works unchanged.
			}
		}
	}

	/** The account's email, checked. */
	String email() {
		if (userName == null || userName.isBlank()) {
			throw ScimException.invalidValue("userName is required.");
		}
		String email = userName.strip();
		if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
			throw ScimException.invalidValue("userName must be the user's email address.");
		}
		Names.flaw(email).ifPresent((flaw) -> {
			throw ScimException.invalidValue("userName " + flaw + ".");
		});
		return email;
	}

	/**
	 * The account's name: displayName, else the name's formatted or joined parts, else
	 * (for a PATCH that set none) the name it has.
	 */
	String name() {
		String name = (displayName != null) ? displayName : (formatted != null) ? formatted : joined();
		name = (name != null) ? name : current;
		if (name == null || name.isBlank()) {
			return null;
		}
		if (name.length() > 200) {
			throw ScimException.invalidValue("displayName must be at most 200 characters.");
		}
		Names.flaw(name).ifPresent((flaw) -> {
			throw ScimException.invalidValue("displayName " + flaw + ".");
		});
		return name.strip();
	}

	boolean active() {
		return active;
	}

	String externalId() {
		return ScimJson.externalId(externalId);
	}

	private String joined() {
		String joined = ((givenName != null) ? givenName : "") + " " + ((familyName != null) ? familyName : "");
		return joined.isBlank() ? null : joined.strip();
	}

	private static String text(String path, JsonNode value) {
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw ScimException.invalidValue(path + " must be a string.");
		}
		return value.stringValue();
	}

}
