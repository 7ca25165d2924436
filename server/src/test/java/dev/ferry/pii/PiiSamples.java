package dev.ferry.pii;

import java.util.Random;

/**
 * Test data: one real-format value of each kind (test numbers, not anyone's), and digits
 * that look like identifiers but fail their check digits.
 */
final class PiiSamples {

	static final String EMAIL = "jane.doe@example.com";

	static final String PHONE = "+49 30 12345678";

	static final String CARD = "4111 1111 1111 1111";

	static final String IBAN = "DE89 3704 0044 0532 0130 00";

	static final String SSN = "123-45-6789";

	static final String TAX_ID = "86095742719";

	static final String[] ALL = { EMAIL, PHONE, CARD, IBAN, SSN, TAX_ID };

	private PiiSamples() {
	}

	/** A line with every kind once. */
	static String everyKind() {
		return "Contact " + EMAIL + ", call " + PHONE + ", card " + CARD + ", account " + IBAN + ", SSN " + SSN
				+ ", Steuer-ID " + TAX_ID + ".";
	}

	/**
	 * Order numbers, invoice ids and amounts: {@code count} lines of random digits in
	 * card, tax-id and IBAN shapes whose check digits are wrong, plus plain numbers and
	 * dates.
	 */
	static String randomDigits(long seed, int count) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder("order,invoice,reference,amount,date\n");
		for (int i = 0; i < count; i++) {
			text.append(failingLuhn(random, "4" + digits(random, 15)))
				.append(',')
				.append(failingTaxId(random))
				.append(",DE00 ")
				.append(digits(random, 4))
				.append(' ')
				.append(digits(random, 4))
				.append(' ')
				.append(digits(random, 4))
				.append(' ')
				.append(digits(random, 4))
				.append(' ')
				.append(digits(random, 2))
				.append(',')
				.append(random.nextInt(100_000))
				.append('.')
				.append(random.nextInt(100))
				.append(",2026-")
				.append(1 + random.nextInt(12))
				.append('-')
				.append(1 + random.nextInt(28))
				.append('\n');
		}
		return text.toString();
	}

	private static String failingLuhn(Random random, String number) {
		String candidate = number;
		while (Checksums.luhn(candidate)) {
			candidate = number.substring(0, number.length() - 1) + random.nextInt(10);
		}
		return candidate;
	}

	private static String failingTaxId(Random random) {
		String candidate = (1 + random.nextInt(9)) + digits(random, 10);
		while (Checksums.steuerId(candidate)) {
			candidate = (1 + random.nextInt(9)) + digits(random, 10);
		}
		return candidate;
	}

	private static String digits(Random random, int length) {
		StringBuilder digits = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			digits.append(random.nextInt(10));
		}
		return digits.toString();
	}

}
