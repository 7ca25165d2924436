package dev.ferry.pii;

import java.util.List;
import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** The PII policy's refusals, as problem+json. */
class PiiException extends ProblemException {

	private PiiException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	/** 409 {@code /problems/pii-sharing-blocked}, naming the files (never their data). */
	static PiiException blocked(String detail, List<String> fileIds) {
		return new PiiException(HttpStatus.CONFLICT, "pii-sharing-blocked", "Public sharing blocked", detail,
				Map.of("file_ids", fileIds));
	}

}
