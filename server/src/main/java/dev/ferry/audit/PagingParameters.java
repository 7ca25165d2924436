package dev.ferry.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/** Documents cursor pagination of the audit listings in the OpenAPI document. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
		@Parameter(in = ParameterIn.QUERY, name = "limit", description = "Records per page, 1 to 500.",
				schema = @Schema(type = "integer", defaultValue = "50", minimum = "1", maximum = "500")),
		@Parameter(in = ParameterIn.QUERY, name = "cursor",
				description = "The next_cursor of the previous page, unchanged.", schema = @Schema(type = "string")) })
@interface PagingParameters {

}
