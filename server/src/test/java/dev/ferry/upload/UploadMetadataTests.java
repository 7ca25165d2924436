package dev.ferry.upload;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UploadMetadataTests {

	@Test
	void decodesPairsAndKeysWithoutValues() {
		UploadMetadata metadata = UploadMetadata.parse("filename d29ybGRfZG9taW5hdGlvbl9wbGFuLnBkZg==,is_confidential");
		assertThat(metadata.values())
			.containsExactlyInAnyOrderEntriesOf(Map.of("filename", "world_domination_plan.pdf", "is_confidential", ""));
	}

	@Test
	void encodesBackWhatItDecoded() {
		UploadMetadata metadata = UploadMetadata.parse("filename w6Rw, secret");
		assertThat(UploadMetadata.parse(metadata.header())).isEqualTo(metadata);
		assertThat(metadata.get("filename")).isEqualTo("äp");
	}

	@Test
	void missingHeaderIsEmpty() {
		assertThat(UploadMetadata.parse(null).values()).isEmpty();
		assertThat(UploadMetadata.parse("  ").header()).isEmpty();
	}

	@Test
	void firstPresentKeyWins() {
		UploadMetadata metadata = UploadMetadata.parse("name YS50eHQ=,filename Yi50eHQ=");
		assertThat(metadata.first("filename", "name")).isEqualTo("b.txt");
		assertThat(metadata.first("type", "filetype")).isNull();
	}

	@Test
	void refusesWhatIsNotBase64Utf8OrNotAPair() {
		for (String header : new String[] { "filename ###", "filename /w==", "filename YQ== extra", "a YQ==,a YQ==",
				"a YQ==,,b YQ==", "käy YQ==" }) {
			assertThatExceptionOfType(UploadException.class).as(header)
				.isThrownBy(() -> UploadMetadata.parse(header))
				.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400));
		}
	}

	@Test
	void refusesOversizedHeaders() {
		assertThatExceptionOfType(UploadException.class)
			.isThrownBy(() -> UploadMetadata.parse("a " + "Q".repeat(9000)));
	}

}
