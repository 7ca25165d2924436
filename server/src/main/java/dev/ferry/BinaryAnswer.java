package dev.ferry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that writes its answer's bytes itself (a file, a ZIP, an image, a report):
 * the OpenAPI document describes its {@code 200} as binary content of these media types,
 * so generated clients read the body as bytes instead of dropping or decoding it, and,
 * with {@code ranges}, the {@code Range} header and the {@code 206} answer too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BinaryAnswer {

	/** The media types the body may have; by default any (a file has its own). */
	String[] value() default "*/*";

	/** Whether one byte range can be asked for ({@code Range: bytes=…}, 206). */
	boolean ranges() default false;

}
