package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import java.util.stream.LongStream;

import dev.ferry.storage.PendingPart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Range reads return exactly the plaintext, wherever the range starts and ends: inside a
 * part, on part boundaries, on Tink segment boundaries, across empty parts and for an
 * empty blob. Each case is generated from its seed, so a failure names the seed that
 * reproduces it.
 */
class BlobRangeReadTests {

	/** Tink's header (1 + 32 salt + 7 nonce prefix) and tag shrink the first segment. */
	private static final int FIRST_SEGMENT = DataKeys.SEGMENT_SIZE - 40 - 16;

	private static final int SEGMENT = DataKeys.SEGMENT_SIZE - 16;

	private static final List<Integer> EDGE_SIZES = List.of(0, 1, FIRST_SEGMENT - 1, FIRST_SEGMENT, FIRST_SEGMENT + 1,
			FIRST_SEGMENT + SEGMENT, FIRST_SEGMENT + SEGMENT + 1);

	private static StorageFixture fixture;

	@BeforeAll
	static void start() {
		fixture = new StorageFixture();
	}

	@AfterAll
	static void stop() {
		fixture.close();
	}

	static LongStream seeds() {
		return LongStream.range(0, 80);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void rangeReadsMatchThePlaintext(long seed) throws IOException {
		Case blobCase = Case.generate(new Random(seed));
		byte[] content = new byte[blobCase.total()];
		new Random(blobCase.seed()).nextBytes(content);
		UUID blob = write(content, blobCase.partSizes());

		assertThat(fixture.storage.length(blob)).isEqualTo(content.length);
		for (long[] range : blobCase.ranges()) {
			try (InputStream in = fixture.storage.openRange(blob, range[0], range[1])) {
				assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, (int) range[0], (int) range[1]));
			}
		}
	}

	@Test
	void segmentBoundariesAreWhereTheTestExpectsThem() throws IOException {
		byte[] content = new byte[2 * FIRST_SEGMENT + 1];
		UUID blob = write(content, List.of(FIRST_SEGMENT, FIRST_SEGMENT + 1));
		assertThat(fixture.blobs.parts(blob)).extracting(BlobRepository.Part::cipherLength)
			.containsExactly((long) DataKeys.SEGMENT_SIZE, DataKeys.SEGMENT_SIZE + 1 + 16L);
	}

	/**
	 * Part boundaries and the segment boundaries inside each part, plus their neighbours.
	 */
	private static List<Long> edges(List<Integer> sizes) {
		long total = sizes.stream().mapToLong(Integer::longValue).sum();
		List<Long> edges = new ArrayList<>(List.of(0L, total));
		long offset = 0;
		for (int size : sizes) {
			for (long inPart = FIRST_SEGMENT; inPart < size; inPart += SEGMENT) {
				edges.addAll(List.of(offset + inPart - 1, offset + inPart, offset + inPart + 1));
			}
			offset += size;
			edges.addAll(List.of(offset - 1, offset, offset + 1));
		}
		return edges.stream().filter((edge) -> edge >= 0 && edge <= total).distinct().toList();
	}

	private static UUID write(byte[] content, List<Integer> sizes) throws IOException {
		UUID blob = fixture.storage.create();
		int offset = 0;
		for (int size : sizes) {
			try (PendingPart part = fixture.storage.beginPart(blob, offset)) {
				part.stream().write(content, offset, size);
				assertThat(part.commit()).isEqualTo(offset + size);
			}
			offset += size;
		}
		return blob;
	}

	record Case(List<Integer> partSizes, long seed, List<long[]> ranges) {

		/** Up to five parts, sizes biased towards segment edges, up to eight ranges. */
		static Case generate(Random random) {
			List<Integer> sizes = new ArrayList<>();
			for (int i = random.nextInt(6); i > 0; i--) {
				sizes.add(random.nextInt(5) < 3 ? EDGE_SIZES.get(random.nextInt(EDGE_SIZES.size()))
						: random.nextInt(3 * DataKeys.SEGMENT_SIZE + 1));
			}
			long total = sizes.stream().mapToLong(Integer::longValue).sum();
			List<Long> edges = edges(sizes);
			List<long[]> ranges = new ArrayList<>();
			for (int i = 1 + random.nextInt(8); i > 0; i--) {
				long a = position(random, edges, total);
				long b = position(random, edges, total);
				ranges.add(new long[] { Math.min(a, b), Math.max(a, b) });
			}
			return new Case(sizes, random.nextLong(), ranges);
		}

		private static long position(Random random, List<Long> edges, long total) {
			return random.nextBoolean() ? edges.get(random.nextInt(edges.size()))
					: (long) (random.nextDouble() * (total + 1));
		}

		int total() {
			return partSizes.stream().mapToInt(Integer::intValue).sum();
		}

		@Override
		public String toString() {
			return "parts=" + partSizes + " ranges="
					+ ranges.stream().map((range) -> range[0] + ".." + range[1]).toList();
		}

	}

}
