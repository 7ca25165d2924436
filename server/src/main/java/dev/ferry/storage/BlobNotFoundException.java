package dev.ferry.storage;

import java.util.UUID;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** The blob does not exist or was destroyed. */
public class BlobNotFoundException extends ProblemException {

	public BlobNotFoundException(UUID blobId) {
		super(HttpStatus.NOT_FOUND, "blob-not-found", "Content not found",
				"The content " + blobId + " does not exist or was deleted.");
	}

}
