package dev.ferry.ops;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code X-Ferry-Node} is sent only when a node name is set; ClusterIntegrationTests
 * reads it from real nodes behind real balancers.
 */
class NodeNameFilterTests {

	@Test
	void namesTheNodeOnlyWhenANameIsSet() throws Exception {
		MockHttpServletResponse named = new MockHttpServletResponse();
		MockHttpServletResponse unnamed = new MockHttpServletResponse();

		new NodeNameFilter("node-2").doFilter(new MockHttpServletRequest(), named, new MockFilterChain());
		new NodeNameFilter("").doFilter(new MockHttpServletRequest(), unnamed, new MockFilterChain());

		assertThat(named.getHeader(NodeNameFilter.HEADER)).isEqualTo("node-2");
		assertThat(unnamed.getHeaderNames()).doesNotContain(NodeNameFilter.HEADER);
	}

	@Test
	void aNameThatIsNoTokenStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NodeNameFilter("node 1\r\nX-Evil: 1"))
			.withMessageContaining("FERRY_NODE_NAME");
	}

}
