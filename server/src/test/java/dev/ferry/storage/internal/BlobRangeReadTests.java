package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.ferry.storage.PendingPart;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Range reads return exactly the plaintext, wherever the range starts and ends: inside a
 * part, on part boundaries, on Tink segment boundaries, across empty parts and for an
 * empty blob.
 */
class BlobRangeReadTests {

	/** Tink's header (1 + 32 salt + 7 nonce prefix) and tag shrink the first segment. */
	private static final int FIRST_SEGMENT = DataKeys.SEGMENT_SIZE - 40 - 16;

	private static final int SEGMENT = DataKeys.SEGMENT_SIZE - 16;

	private static final List<Integer> EDGE_SIZES = List.of(0, 1, FIRST_SEGMENT - 1, FIRST_SEGMENT, FIRST_SEGMENT + 1,
			FIRST_SEGMENT + SEGMENT, FIRST_SEGMENT + SEGMENT + 1);

	private static StorageFixture fixture;

	@BeforeContainer
	static void start() {
		fixture = new StorageFixture();
	}

	@AfterContainer
	static void stop() {
		fixture.close();
	}

	@Property(tries = 80)
	void rangeReadsMatchThePlaintext(@ForAll("blobs") Case blobCase) throws IOException {
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

	@Example
	void segmentBoundariesAreWhereTheTestExpectsThem() throws IOException {
		byte[] content = new byte[2 * FIRST_SEGMENT + 1];
		UUID blob = write(content, List.of(FIRST_SEGMENT, FIRST_SEGMENT + 1));
		assertThat(fixture.blobs.parts(blob)).extracting(BlobRepository.Part::cipherLength)
			.containsExactly((long) DataKeys.SEGMENT_SIZE, DataKeys.SEGMENT_SIZE + 1 + 16L);
	}

	@Provide
	Arbitrary<Case> blobs() {
		Arbitrary<Integer> size = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(EDGE_SIZES)),
				Tuple.of(2, Arbitraries.integers().between(0, 3 * DataKeys.SEGMENT_SIZE)));
		return Combinators.combine(size.list().ofMaxSize(5), Arbitraries.longs())
			.flatAs((sizes, seed) -> ranges(sizes).map((ranges) -> new Case(sizes, seed, ranges)));
	}

	private static Arbitrary<List<long[]>> ranges(List<Integer> sizes) {
		long total = sizes.stream().mapToLong(Integer::longValue).sum();
		List<Long> edges = edges(sizes);
		Arbitrary<Long> position = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(edges)),
				Tuple.of(1, Arbitraries.longs().between(0, total)));
		return Combinators.combine(position, position)
			.as((a, b) -> new long[] { Math.min(a, b), Math.max(a, b) })
			.list()
			.ofMinSize(1)
			.ofMaxSize(8);
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
