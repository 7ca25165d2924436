package dev.ferry.upload;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tus protocol in the OpenAPI document: its handlers read headers and the raw body
 * from the request, which springdoc cannot see, so the document would describe calls that
 * the server refuses (no {@code Upload-Length}, no body) and answers it never gives
 * ({@code 200} for a creation). The same requests also carry the IETF resumable-upload
 * draft, which needs no {@code Tus-Resumable}.
 */
@Configuration(proxyBeanMethods = false)
class TusOpenApi {

	@Bean
	OperationCustomizer tusOperations() {
		return (operation, handler) -> {
			if (handler.getBeanType() != TusController.class) {
				return operation;
			}
			switch (handler.getMethod().getName()) {
				case "options", "optionsForUpload" -> replace2xx(operation, "204",
						new ApiResponse().description("The tus version, extensions and maximum size, in headers"));
				case "create" -> create(operation);
				case "head" -> offset(operation);
				case "patch" -> append(operation);
				case "terminate" -> terminate(operation);
				default -> {
				}
			}
			return operation;
		};
	}

	private static void create(Operation operation) {
		tusVersion(operation);
		header(operation, TusHeaders.UPLOAD_LENGTH, false, number(), "The whole size in bytes; or send "
				+ TusHeaders.UPLOAD_DEFER_LENGTH + ": 1 and tell it in a later PATCH");
		header(operation, TusHeaders.UPLOAD_DEFER_LENGTH, false, new StringSchema()._enum(List.of("1")),
				"1 when the size is not known yet");
		header(operation, TusHeaders.UPLOAD_METADATA, false, new StringSchema(),
				"Comma-separated 'key base64(value)' pairs: filename (required), path (its folder), filetype, on_conflict");
		operation.setRequestBody(body(false, "The first bytes (creation-with-upload), optional"));
		ApiResponse created = new ApiResponse().description("Created; PATCH the Location with the rest")
			.addHeaderObject("Location", header(new StringSchema(), "The upload's URL"))
			.addHeaderObject(TusHeaders.UPLOAD_OFFSET, header(number(), "The bytes received so far"));
		replace2xx(operation, "201", created);
		operation.getResponses().addApiResponse("200", draft("Created and complete at once"));
	}

	private static void offset(Operation operation) {
		tusVersion(operation);
		replace2xx(operation, "200",
				new ApiResponse().description("Where to resume")
					.addHeaderObject(TusHeaders.UPLOAD_OFFSET, header(number(), "The bytes received so far"))
					.addHeaderObject(TusHeaders.UPLOAD_LENGTH, header(number(), "The whole size, once known")));
		operation.getResponses().addApiResponse("204", draft("Where to resume"));
	}

	private static void append(Operation operation) {
		tusVersion(operation);
		header(operation, TusHeaders.UPLOAD_OFFSET, true, number(),
				"The server's offset, from HEAD or the last answer");
		header(operation, TusHeaders.UPLOAD_LENGTH, false, number(), "The whole size, if creation deferred it");
		header(operation, TusHeaders.UPLOAD_CHECKSUM, false, new StringSchema(),
				"'<algorithm> base64(digest)' of this request's bytes; a mismatch keeps none of them (460)");
		operation.setRequestBody(body(true, "The next bytes"));
		replace2xx(operation, "204", new ApiResponse().description("Stored")
			.addHeaderObject(TusHeaders.UPLOAD_OFFSET, header(number(), "The new offset")));
		operation.getResponses().addApiResponse("200", draft("Stored, and the upload is complete"));
	}

	/**
	 * An answer only the IETF resumable-upload draft gives
	 * (Upload-Draft-Interop-Version).
	 */
	private static ApiResponse draft(String description) {
		return new ApiResponse().description(description + " (the IETF resumable-upload draft)");
	}

	private static void terminate(Operation operation) {
		tusVersion(operation);
		replace2xx(operation, "204", new ApiResponse().description("Cancelled; its bytes are gone"));
	}

	private static void tusVersion(Operation operation) {
		header(operation, TusHeaders.TUS_RESUMABLE, false, new StringSchema()._enum(List.of(TusHeaders.VERSION)),
				"The tus version, " + TusHeaders.VERSION + "; left out by clients of the IETF resumable-upload draft");
	}

	private static void header(Operation operation, String name, boolean required, Schema<?> schema,
			String description) {
		operation.addParametersItem(
				new HeaderParameter().name(name).required(required).schema(schema).description(description));
	}

	private static Header header(Schema<?> schema, String description) {
		return new Header().schema(schema).description(description);
	}

	private static RequestBody body(boolean required, String description) {
		return new RequestBody().required(required)
			.description(description)
			.content(new Content().addMediaType(TusHeaders.OFFSET_OCTET_STREAM,
					new MediaType().schema(new StringSchema().format("binary"))));
	}

	private static Schema<?> number() {
		return new IntegerSchema().format("int64");
	}

	/** The success answer the handler gives, instead of the 200 springdoc assumed. */
	private static void replace2xx(Operation operation, String status, ApiResponse answer) {
		ApiResponses responses = operation.getResponses();
		responses.keySet().removeIf((code) -> code.startsWith("2"));
		responses.addApiResponse(status, answer);
	}

}
