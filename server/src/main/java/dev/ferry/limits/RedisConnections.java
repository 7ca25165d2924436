package dev.ferry.limits;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one Lettuce client of this node ({@code FERRY_REDIS_URL}), closed with the
 * application. Lettuce reconnects by itself after Redis restarts; while it is away,
 * commands are rejected at once (not queued until a timeout, which would hold a thread
 * per request) and the callers' requests fail with them rather than skip a limit.
 */
@Component
class RedisConnections implements DisposableBean {

	private final RedisProperties properties;

	private RedisClient client;

	RedisConnections(RedisProperties properties) {
		this.properties = properties;
	}

	synchronized <K, V> StatefulRedisConnection<K, V> connect(RedisCodec<K, V> codec) {
		if (client == null) {
			client = RedisClient.create(RedisURI.create(properties.url()));
			client.setOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build());
		}
		return client.connect(codec);
	}

	@Override
	public synchronized void destroy() {
		if (client != null) {
			client.shutdown();
		}
	}

}
