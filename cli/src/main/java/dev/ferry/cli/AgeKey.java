package dev.ferry.cli;

/**
 * What opens an age file: an X25519 identity or a passphrase. Each looks at one recipient
 * stanza of the header and answers the file key it wraps, or null when the stanza is not
 * for it.
 */
interface AgeKey {

	byte[] unwrap(String[] args, byte[] body);

	/** The sentence for a file that no stanza of its header opens with this key. */
	String noStanzaFits();

}
