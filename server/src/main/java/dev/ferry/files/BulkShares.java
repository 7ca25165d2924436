package dev.ferry.files;

import java.util.List;
import java.util.Map;

import dev.ferry.auth.CurrentUser;

/**
 * What the bulk {@code share} operation needs of the sharing module: one transfer of the
 * caller's files. Declared here and implemented there, since sharing depends on files.
 */
public interface BulkShares {

	/**
	 * Creates one transfer of {@code fileIds} with {@code options} (a body as
	 * {@code POST /api/v1/transfers} takes it, without {@code file_ids}) and answers the
	 * transfer as that endpoint does, its new link's token included. All or nothing: one
	 * file that is not the caller's refuses the whole request.
	 */
	Object share(CurrentUser owner, List<String> fileIds, Map<String, Object> options);

}
