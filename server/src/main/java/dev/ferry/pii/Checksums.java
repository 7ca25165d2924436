package dev.ferry.pii;

import java.math.BigInteger;

/**
 * The check digits that tell a real identifier from any run of digits: without them a
 * random number of the right length would be flagged.
 */
final class Checksums {

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	private Checksums() {
	}

	/** Luhn (ISO/IEC 7812) over a string of digits, as payment card numbers carry. */
	static boolean luhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	/**
	 * ISO 13616 IBAN check: the country and check digits moved to the end, letters as
	 * 10..35, the number modulo 97 is 1.
	 */
	static boolean iban(String compact) {
		String rearranged = compact.substring(4) + compact.substring(0, 4);
		StringBuilder number = new StringBuilder(rearranged.length() * 2);
		for (char c : rearranged.toCharArray()) {
			number.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(number.toString()).mod(NINETY_SEVEN).intValue() == 1;
	}

	/**
	 * The German tax identification number (Steuer-ID, 11 digits): no leading zero, in
	 * the first ten digits exactly one digit appears twice or three times and the others
	 * at most once, and the eleventh is the ISO 7064 MOD 11,10 check digit.
	 */
	static boolean steuerId(String digits) {
		if (digits.length() != 11 || digits.charAt(0) == '0') {
			return false;
		}
		int[] counts = new int[10];
		for (int i = 0; i < 10; i++) {
			counts[digits.charAt(i) - '0']++;
		}
		int repeated = 0;
		for (int count : counts) {
			if (count > 3) {
				return false;
			}
			if (count > 1) {
				repeated++;
			}
		}
		if (repeated != 1) {
			return false;
		}
		int product = 10;
		for (int i = 0; i < 10; i++) {
			int sum = (digits.charAt(i) - '0' + product) % 10;
			if (sum == 0) {
				sum = 10;
			}
			product = (sum * 2) % 11;
		}
		int check = 11 - product;
		return (check == 10 ? 0 : check) == digits.charAt(10) - '0';
	}

}
