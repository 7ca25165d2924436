package dev.ferry.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Documents the audit filters in the OpenAPI document (the admin endpoints add
 * {@code actor}). The endpoints read them from the raw query map (see
 * {@link AuditParameters}) so that unknown parameters can be refused.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({ @Parameter(in = ParameterIn.QUERY, name = "from",
		description = "Earliest time, inclusive: ISO-8601 such as 2026-01-31T12:00:00Z, or a date (midnight UTC).",
		schema = @Schema(type = "string")),
		@Parameter(in = ParameterIn.QUERY, name = "to", description = "Latest time, exclusive; same forms as from.",
				schema = @Schema(type = "string")),
		@Parameter(in = ParameterIn.QUERY, name = "action",
				description = "Exact action such as auth.login, or a prefix ending in * such as auth.*.",
				schema = @Schema(type = "string")),
		@Parameter(in = ParameterIn.QUERY, name = "object", description = "Id of the object acted on.",
				schema = @Schema(type = "string")),
		@Parameter(in = ParameterIn.QUERY, name = "object_type", description = "Type of the object, such as file.",
				schema = @Schema(type = "string")),
		@Parameter(in = ParameterIn.QUERY, name = "outcome", description = "success, failure or denied.",
				schema = @Schema(type = "string", allowableValues = { "success", "failure", "denied" })) })
@interface FilterParameters {

}
