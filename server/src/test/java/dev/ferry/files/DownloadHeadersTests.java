package dev.ferry.files;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadHeadersTests {

	@Test
	void contentDispositionHasAnAsciiFallbackAndAnEncodedUtf8Name() {
		assertThat(DownloadHeaders.attachment("report.pdf"))
			.isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
		assertThat(DownloadHeaders.attachment("Grüße \"x\"\\y%.txt")).isEqualTo(
				"attachment; filename=\"Gr__e _x__y_.txt\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22x%22%5Cy%25.txt");
		assertThat(DownloadHeaders.attachment("日本.txt")).startsWith("attachment; filename=\"__.txt\";");
		assertThat(DownloadHeaders.attachment("a;b=c.txt")).endsWith("filename*=UTF-8''a%3Bb%3Dc.txt");
	}

	@Test
	void conditionalsCompareTagsAndDates() {
		Instant modified = Instant.parse("2026-03-01T10:00:00Z");
		String date = DownloadHeaders.httpDate(modified);
		assertThat(date).isEqualTo("Sun, 1 Mar 2026 10:00:00 GMT");
		assertThat(DownloadHeaders.noneMatchHits("\"x\", W/\"abc\"", "\"abc\"")).isTrue();
		assertThat(DownloadHeaders.noneMatchHits("*", "\"abc\"")).isTrue();
		assertThat(DownloadHeaders.noneMatchHits("\"other\"", "\"abc\"")).isFalse();
		assertThat(DownloadHeaders.ifRangeHolds(null, "\"abc\"", modified)).isTrue();
		assertThat(DownloadHeaders.ifRangeHolds("\"abc\"", "\"abc\"", modified)).isTrue();
		assertThat(DownloadHeaders.ifRangeHolds("W/\"abc\"", "\"abc\"", modified)).isFalse();
		assertThat(DownloadHeaders.ifRangeHolds(date, "\"abc\"", modified)).isTrue();
		assertThat(DownloadHeaders.ifRangeHolds("Sun, 1 Mar 2026 09:00:00 GMT", "\"abc\"", modified)).isFalse();
		assertThat(DownloadHeaders.ifRangeHolds("garbage", "\"abc\"", modified)).isFalse();
		assertThat(DownloadHeaders.notModifiedSince(date, modified)).isTrue();
		assertThat(DownloadHeaders.notModifiedSince("Sun, 1 Mar 2026 09:00:00 GMT", modified)).isFalse();
	}

}
