package dev.ferry.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFieldNamesTests {

	private final JsonFieldNames names = new JsonFieldNames(
			JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());

	record Upload(String fileName, @JsonProperty("sha256") String checksumHex, List<Part> parts,
			Map<String, Part> byName) {
	}

	record Part(long byteCount) {
	}

	@Test
	void followsTheNamingStrategy() {
		assertThat(names.of(Upload.class, "fileName")).isEqualTo("file_name");
	}

	@Test
	void explicitJsonNamesWin() {
		assertThat(names.of(Upload.class, "checksumHex")).isEqualTo("sha256");
	}

	@Test
	void walksIntoListsAndMaps() {
		assertThat(names.of(Upload.class, "parts[3].byteCount")).isEqualTo("parts[3].byte_count");
		assertThat(names.of(Upload.class, "byName[a].byteCount")).isEqualTo("by_name[a].byte_count");
	}

	@Test
	void unknownPropertiesFallBackToTheStrategy() {
		assertThat(names.of(Object.class, "maxDownloads.perDay")).isEqualTo("max_downloads.per_day");
	}

}
