package dev.ferry.upload;

import dev.ferry.auth.CurrentUser;

/**
 * Who is uploading: a signed-in account, or someone holding an {@link UploadGate.Pass}
 * (then {@code user} is the pass's owner, narrowed to writing).
 */
record Uploader(CurrentUser user, UploadGate.Pass pass) {

	static Uploader account(CurrentUser user) {
		return new Uploader(user, null);
	}

	boolean isGuest() {
		return pass != null;
	}

}
