package dev.ferry.files;

import dev.ferry.auth.CurrentUser;

/**
 * The upload policy for modules that receive bytes before they become a file (tus), so a
 * refused upload can stop before anything is stored. Both checks throw 422
 * {@code /problems/upload-policy} naming the rule, audited as {@code upload.refused}.
 * Registering a file ({@link FileCatalog#add}) applies the whole policy again.
 */
public interface UploadRules {

	/** How many first bytes {@link #checkContent} needs to tell the type. */
	int HEAD_BYTES = 64 * 1024;

	/**
	 * Checks the extension of {@code name} and, unless {@code size} is negative (not yet
	 * known), the size, against the rules for {@code owner}'s role.
	 */
	void checkName(CurrentUser owner, String name, long size);

	/**
	 * Whether a rule for {@code owner}'s role looks at the content: only then must a
	 * receiver hold back the first bytes for {@link #checkContent}.
	 */
	boolean checksContent(CurrentUser owner);

	/** Checks the type detected from a file's first bytes ({@code head}). */
	void checkContent(CurrentUser owner, String name, byte[] head);

}
