package dev.ferry.upload;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.testing.FuzzBudget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz targets for the headers a tus client controls. In the normal build they run
 * their seed inputs (regression mode); {@code bin/fuzz} runs each one in fuzzing mode for
 * a bounded time. A parser may refuse with a 400 problem, never with anything else.
 */
class UploadHeadersFuzzTests {

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void uploadMetadataParsesToWhatItPrints(FuzzedDataProvider data) {
		String header = data.consumeRemainingAsString();
		UploadMetadata metadata;
		try {
			metadata = UploadMetadata.parse(header);
		}
		catch (UploadException ex) {
			assertThat(ex.getStatusCode().value()).isEqualTo(400);
			return;
		}
		assertThat(UploadMetadata.parse(metadata.header())).isEqualTo(metadata);
	}

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void uploadChecksumRefusesWithA400(FuzzedDataProvider data) {
		try {
			UploadChecksum checksum = UploadChecksum.parse(data.consumeRemainingAsString());
			if (checksum != null) {
				assertThat(checksum.newDigest()).isNotNull();
			}
		}
		catch (UploadException ex) {
			assertThat(ex.getStatusCode().value()).isEqualTo(400);
		}
	}

}
