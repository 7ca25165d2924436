package dev.ferry.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Words for the type a value should have had, for messages like "must be a UUID". */
final class ExpectedType {

	private static final Set<Class<?>> INTEGERS = Set.of(Integer.class, int.class, Long.class, long.class, Short.class,
			short.class, Byte.class, byte.class, BigInteger.class);

	private static final Set<Class<?>> NUMBERS = Set.of(Double.class, double.class, Float.class, float.class,
			BigDecimal.class);

	private ExpectedType() {
	}

	static String mustBe(Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (INTEGERS.contains(type)) {
			return "must be an integer";
		}
		if (NUMBERS.contains(type)) {
			return "must be a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == UUID.class) {
			return "must be a UUID";
		}
		if (type == String.class || type == char.class || type == Character.class) {
			return "must be a string";
		}
		if (type.isEnum()) {
			return "is not one of the allowed values";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "must be an ISO-8601 date-time";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "must be a list";
		}
		return "must be an object";
	}

}
