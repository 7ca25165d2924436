package dev.ferry.jobs;

import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobMetricsTests {

	@Test
	void aDatabaseThatIsAwayIsAskedOncePerScrapeNotOncePerGauge() {
		AtomicInteger asked = new AtomicInteger();
		DataSource away = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					if (method.getName().equals("getConnection")) {
						asked.incrementAndGet();
						throw new SQLTransientConnectionException("Connection is not available, request timed out");
					}
					throw new UnsupportedOperationException(method.getName());
				});
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		JobMetrics metrics = new JobMetrics(registry, new JobDatabase(away, new SqliteCustomization()));
		metrics.register("mail");
		metrics.register("scan");

		double[] values = registry.find("ferry.jobs.due").gauges().stream().mapToDouble(Gauge::value).toArray();
		registry.find("ferry.jobs.scheduled").gauges().forEach(Gauge::value);

		assertThat(values).containsExactly(0, 0);
		assertThat(asked).as("one connection attempt for four gauges").hasValue(1);
	}

}
