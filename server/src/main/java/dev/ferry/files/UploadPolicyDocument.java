package dev.ferry.files;

import java.util.List;

/** The upload policy as the API and the database hold it. */
record UploadPolicyDocument(List<UploadRule> rules) {

	static final UploadPolicyDocument EMPTY = new UploadPolicyDocument(List.of());

}
