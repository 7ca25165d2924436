package dev.ferry.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.ferry.BinaryAnswer;
import dev.ferry.PublicPaths;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The OpenAPI 3 document at {@code /api/v1/openapi.json}: every {@code /api} endpoint
 * (springdoc reads the controllers), bearer authentication except on the public paths of
 * {@link SecurityConfiguration}, and RFC 9457 problems as the error responses.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	private static final String PROBLEM = "Problem";

	/**
	 * One tag per module that serves HTTP; each controller names its module with
	 * {@code @Tag}, so the document groups operations the way the code is packaged.
	 */
	static final Map<String, String> MODULE_TAGS = new TreeMap<>(Map.ofEntries(
			Map.entry("admin", "Administration that spans modules: statistics, key rotation"),
			Map.entry("audit", "The audit trail: search, export, chain verification, own activity"),
			Map.entry("auth",
					"Sign-in, sessions, tokens, API keys, passkeys, two-factor, accounts and their administration"),
			Map.entry("files", "Files: listing, metadata, plain uploads, downloads"),
			Map.entry("protect",
					"Protection: the defender's bans, permanent address rules, suspicious-activity alerts"),
			Map.entry("share", "Transfers, share links and public downloads, upload requests, grants and groups"),
			Map.entry("upload", "Resumable uploads (tus 1.0)"),
			Map.entry("sftp", "SFTP: the SSH public keys accounts sign in with"),
			Map.entry("webhook",
					"Webhooks: endpoints for events, signed per Standard Webhooks, and their delivery log"),
			Map.entry("gdpr", "Personal data exports: request, state, download by the mailed link"),
			Map.entry("retention", "Retention policies, their dry run and runs"),
			Map.entry("report", "Compliance reports for a period, as PDF or CSV"),
			Map.entry("scim", "SCIM provisioning status (the SCIM API itself, /scim/v2, is described in docs/scim.md)"),
			Map.entry("preview", "Previews: small images of files, made in the background")));

	/** What springdoc appends to an id it has already given out ({@code download_1}). */
	private static final Pattern REPEATED_ID = Pattern.compile("(.+)_\\d+");

	@Bean
	OpenAPI ferryOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "development";
		return new OpenAPI()
			.info(new Info().title("Ferry API")
				.version(version)
				.description("Self-hosted secure file transfer. Authenticate with 'Authorization: Bearer <token>' "
						+ "using an access token from POST /api/v1/auth/login or an API key (fy_...). "
						+ "Errors are RFC 9457 problem+json documents whose 'type' is stable."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT access token or fy_ API key")))
			.tags(MODULE_TAGS.entrySet()
				.stream()
				.map((tag) -> new Tag().name(tag.getKey()).description(tag.getValue()))
				.toList())
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * swagger-core builds schemas with its own Jackson 2 mapper, which knows nothing of
	 * {@code spring.jackson.property-naming-strategy}; without this the document would
	 * show camelCase names the API never sends or accepts. {@link SchemaNames} keeps two
	 * records of one simple name from becoming one schema.
	 */
	@Bean
	ModelResolver snakeCaseSchemas() {
		return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE),
				SchemaNames.scan())
			.openapi31(true);
	}

	/**
	 * The answers handlers write themselves ({@link BinaryAnswer}): springdoc sees a
	 * {@code void} method and would describe a 200 without content, which generated
	 * clients take for "no body" (or decode as text).
	 */
	@Bean
	OperationCustomizer binaryAnswers() {
		return (operation, handler) -> {
			BinaryAnswer answer = handler.getMethodAnnotation(BinaryAnswer.class);
			if (answer == null) {
				return operation;
			}
			Content bytes = new Content();
			for (String type : answer.value()) {
				bytes.addMediaType(type, new MediaType().schema(new StringSchema().format("binary")));
			}
			operation.getResponses().addApiResponse("200", new ApiResponse().description("The content").content(bytes));
			if (answer.ranges()) {
				operation.addParametersItem(new HeaderParameter().name("Range")
					.description("One byte range, e.g. bytes=0-1023; without it, or where the content cannot be"
							+ " cut (a watermarked file), the whole content answers 200")
					.schema(new StringSchema()));
				operation.getResponses()
					.addApiResponse("206", new ApiResponse().description("The range asked for").content(bytes));
			}
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer publicOperationsAndProblems(List<PublicPaths> declared) {
		PathPatternParser parser = new PathPatternParser();
		List<PathPattern> publicPaths = declared.stream()
			.filter(PublicPaths::always)
			.flatMap((paths) -> paths.patterns().stream())
			.map(parser::parse)
			.toList();
		return (openApi) -> {
			// Added here, not with the other components: springdoc drops schemas nothing
			// refers to before the customizers add the references to this one.
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> {
				boolean open = publicPaths.stream()
					.anyMatch((pattern) -> pattern.matches(PathContainer.parsePath(path)));
				item.readOperations().forEach((operation) -> describe(operation, open));
				nameHead(item);
				headersOnly(item.getHead());
			});
		};
	}

	/**
	 * A download handler serves GET and HEAD, and so declares one id; springdoc gives it
	 * to whichever method it meets first and {@code _1} to the other. The GET keeps the
	 * declared id and the HEAD becomes {@code <id>Head}, independent of that order.
	 */
	private static void nameHead(PathItem item) {
		if (item.getGet() == null || item.getHead() == null) {
			return;
		}
		String declared = declaredId(item.getGet().getOperationId());
		if (declared.equals(declaredId(item.getHead().getOperationId()))) {
			item.getGet().setOperationId(declared);
			item.getHead().setOperationId(declared + "Head");
		}
	}

	/** A HEAD answer has the headers of the GET's and never a body. */
	private static void headersOnly(Operation head) {
		if (head != null) {
			head.getResponses().values().stream().filter((answer) -> answer.getContent() != null).forEach((answer) -> {
				if (!answer.getContent().containsKey("application/problem+json")) {
					answer.setContent(null);
				}
			});
		}
	}

	private static String declaredId(String id) {
		Matcher repeated = REPEATED_ID.matcher(String.valueOf(id));
		return repeated.matches() ? repeated.group(1) : String.valueOf(id);
	}

	private static void describe(Operation operation, boolean open) {
		if (open) {
			operation.setSecurity(List.of());
		}
		else {
			operation.getResponses()
				.addApiResponse("401", problem("Missing, expired or revoked credential (WWW-Authenticate: Bearer)"));
		}
		operation.getResponses()
			.addApiResponse("4XX", problem("The request cannot be served; 'type' says why"))
			.addApiResponse("5XX", problem("Server error; quote the X-Request-Id response header"));
	}

	private static ApiResponse problem(String description) {
		Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref)));
	}

	private static Schema<?> problemSchema() {
		ObjectSchema fieldError = new ObjectSchema();
		fieldError.setProperties(Map.of("field", new StringSchema().description("JSON path or parameter name"),
				"message", new StringSchema()));
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details");
		problem.addProperty("type", new StringSchema().example("/problems/validation")
			.description("Stable identifier of the kind of problem"));
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema().description("Human explanation of this occurrence"));
		problem.addProperty("instance", new StringSchema().description("Path of the request"));
		problem.addProperty("errors", new ArraySchema().items(fieldError).description("Invalid fields, if any"));
		return problem;
	}

}
