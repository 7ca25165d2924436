package dev.ferry.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A failure after the answer began (a ZIP whose next file cannot be read) cannot become a
 * problem, and Spring's resolvers would end the answer as if it were whole: a truncated
 * archive the browser calls complete. Asked first, this resolver takes such a failure and
 * has {@link BrokenAnswerValve} cut the connection, so the client sees a broken download.
 */
@Configuration(proxyBeanMethods = false)
class CommittedAnswerFailures implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(CommittedAnswerFailures.class);

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(0, CommittedAnswerFailures::cutOff);
	}

	private static ModelAndView cutOff(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!response.isCommitted()) {
			return null;
		}
		log.warn("{} {} failed after its answer began; cutting the connection: {}", request.getMethod(),
				LoggedPaths.redact(RequestPaths.of(request)), ex.toString());
		BrokenAnswerValve.mark(request);
		return new ModelAndView();
	}

}
