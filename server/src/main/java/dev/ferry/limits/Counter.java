package dev.ferry.limits;

/** One limit counted for one key (an address, an account, a link...). */
public record Counter(Limit limit, String key) {

	/** The storage key, unique across limits. */
	String id() {
		return limit.name() + "\u0000" + key;
	}

}
