package dev.ferry.preview;

import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** The preview module's problems. */
class PreviewException extends ProblemException {

	PreviewException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	/**
	 * No preview to show: {@code status} says whether one may still come
	 * ({@code pending}) or never will ({@code unsupported}, {@code failed}).
	 */
	static PreviewException notFound(String status, String reason) {
		String detail = switch (status) {
			case "pending" -> "The preview of this file is not ready yet; try again shortly.";
			case "unsupported" -> "This file gets no preview (" + reason + ").";
			case "failed" -> "No preview could be made of this file (" + reason + ").";
			default -> "This file has no preview.";
		};
		return new PreviewException(HttpStatus.NOT_FOUND, "preview-not-found", "No preview", detail, (reason != null)
				? Map.of("preview_status", status, "reason", reason) : Map.of("preview_status", status));
	}

}
