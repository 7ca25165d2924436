package dev.ferry.files;

import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** The files module's problems: bad paths, unknown files, full quotas, taken names. */
public class FileException extends ProblemException {

	FileException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	FileException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	static FileException notFound() {
		return new FileException(HttpStatus.NOT_FOUND, "file-not-found", "No such file",
				"There is no file with this id.");
	}

	static FileException invalidPath(String detail) {
		return new FileException(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid file path", detail);
	}

	static FileException invalidQuery(String detail) {
		return new FileException(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", detail);
	}

	static FileException invalidUpload(String detail) {
		return new FileException(HttpStatus.BAD_REQUEST, "invalid-upload", "Invalid upload", detail);
	}

	static FileException quotaExceeded(long remainingBytes) {
		return new FileException(HttpStatus.CONTENT_TOO_LARGE, "quota-exceeded", "Storage quota exceeded",
				"This upload does not fit in your storage quota: " + remainingBytes + " bytes left.",
				Map.of("remaining_bytes", remainingBytes));
	}

	static FileException folderExists(String path) {
		return new FileException(HttpStatus.CONFLICT, "folder-exists", "Folder exists",
				"The folder " + path + " exists already.");
	}

	static FileException folderNotEmpty(String path) {
		return new FileException(HttpStatus.CONFLICT, "folder-not-empty", "Folder not empty",
				"The folder " + path + " holds files or folders; delete or move them first.");
	}

	static FileException folderNotFound(String path) {
		return new FileException(HttpStatus.NOT_FOUND, "folder-not-found", "No such folder",
				"There is no folder " + path + ".");
	}

	static FileException pathTaken(String path) {
		return new FileException(HttpStatus.CONFLICT, "path-taken", "Path already in use",
				"Another file already has the path " + path + ".");
	}

	static FileException rangeNotSatisfiable(long length) {
		FileException ex = new FileException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable",
				"Range not satisfiable", "The file has " + length + " bytes; the requested range lies outside it.");
		ex.getHeaders().set("Content-Range", "bytes */" + length);
		return ex;
	}

	static FileException quarantined(String signature) {
		return new FileException(HttpStatus.FORBIDDEN, "file-quarantined", "File quarantined",
				"The malware scanner found " + signature
						+ " in this file, so it is quarantined and cannot be downloaded or shared. "
						+ "Its owner and the administrators were told.",
				Map.of("signature", signature));
	}

	static FileException invalidEncryption(String detail) {
		return new FileException(HttpStatus.BAD_REQUEST, "invalid-encryption", "Invalid encryption request", detail);
	}

	static FileException contentChanged() {
		return new FileException(HttpStatus.CONFLICT, "file-content-changed", "File changed meanwhile",
				"The file's content was replaced while it was being encrypted; nothing changed. Try again.");
	}

	static FileException scanPending() {
		FileException ex = new FileException(HttpStatus.CONFLICT, "scan-pending", "File not yet scanned",
				"This file is still being checked for malware and can be downloaded once the check passed; "
						+ "try again in a minute.");
		ex.getHeaders().set("Retry-After", "60");
		return ex;
	}

	static FileException policyRefused(int index, UploadRule rule, String reason) {
		String label = "Upload policy rule " + index + ((rule.name() != null) ? " (\"" + rule.name() + "\")" : "");
		Map<String, Object> properties = (rule.name() != null) ? Map.of("rule", index, "rule_name", rule.name())
				: Map.of("rule", index);
		return new FileException(HttpStatus.valueOf(422), "upload-policy", "Refused by the upload policy",
				label + " " + reason, properties);
	}

	static FileException invalidPolicy(String detail) {
		return new FileException(HttpStatus.BAD_REQUEST, "invalid-upload-policy", "Invalid upload policy", detail);
	}

}
