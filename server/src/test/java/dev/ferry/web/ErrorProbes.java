package dev.ferry.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.ProblemException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Endpoints that exist only on the test classpath, under {@link #BASE}, so the error
 * handling can be exercised for inputs the product's own endpoints do not have yet (typed
 * path variables, constrained query parameters, nested bodies, method security) and for a
 * filter that throws.
 */
final class ErrorProbes {

	static final String BASE = "/api/v1/test-only/errors";

	private ErrorProbes() {
	}

	@Hidden
	@RestController
	@RequestMapping(BASE)
	static class Controller {

		@GetMapping("/things/{id}")
		Map<String, Object> thing(@PathVariable UUID id) {
			return Map.of("id", id.toString());
		}

		@GetMapping("/search")
		Map<String, Object> search(@RequestParam("page_size") @Min(1) @Max(100) int pageSize) {
			return Map.of("page_size", pageSize);
		}

		@PostMapping("/shares")
		Map<String, Object> share(@Valid @RequestBody ShareRequest request) {
			return Map.of("file_name", request.fileName());
		}

		@GetMapping("/conflict")
		void conflict() {
			throw new ProblemException(HttpStatus.CONFLICT, "name-taken", "Name taken",
					"A file with this name already exists.");
		}

		@GetMapping("/forbidden")
		@PreAuthorize("denyAll()")
		void forbidden() {
		}

		@GetMapping("/boom")
		void boom() {
			throw new IllegalStateException("internal detail at dev.ferry.Secret: /etc/ferry/key");
		}

	}

	record ShareRequest(@NotBlank String fileName, @Min(1) Integer maxDownloads, List<@Valid Recipient> recipients) {
	}

	record Recipient(@Email @NotBlank String emailAddress) {
	}

	/** Stands for a module's filter (rate limiting, say) that rejects before MVC. */
	@Component
	static class ThrottlingFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI().equals(BASE + "/throttled");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ProblemException tooMany = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Slow down",
					"Too many requests from this address; retry in 30 seconds.");
			tooMany.getHeaders().set("Retry-After", "30");
			throw tooMany;
		}

	}

}
