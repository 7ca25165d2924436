package dev.ferry.pii;

/** A kind of personal data the detector knows, by its name in {@code pii_flags}. */
enum PiiKind {

	EMAIL("email"), PHONE("phone"), PAYMENT_CARD("payment_card"), IBAN("iban"), US_SSN("us_ssn"),
	DE_TAX_ID("de_tax_id");

	private final String flag;

	PiiKind(String flag) {
		this.flag = flag;
	}

	String flag() {
		return flag;
	}

}
