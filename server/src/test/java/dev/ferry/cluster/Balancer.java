package dev.ferry.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.ferry.testing.FerryProcess;
import dev.ferry.testing.FreePorts;

import static org.awaitility.Awaitility.await;

/**
 * Debian's nginx or HAProxy as a child process in the foreground, with its own
 * configuration in a temporary directory: round robin over the nodes, no stickiness,
 * bodies streamed both ways. The configurations follow deploy/nginx and deploy/haproxy.
 */
public final class Balancer implements AutoCloseable {

	public enum Kind {

		NGINX, HAPROXY

	}

	private final Kind kind;

	private final Process process;

	private final int port;

	private final Path log;

	private Balancer(Kind kind, Process process, int port, Path log) {
		this.kind = kind;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	static Balancer start(Kind kind, Path dir, int[] nodes) throws IOException {
		Files.createDirectories(dir.resolve("tmp"));
		int port = FreePorts.take();
		Path config = dir.resolve(kind.name().toLowerCase() + ".conf");
		Path log = dir.resolve("balancer.log");
		List<String> command;
		if (kind == Kind.NGINX) {
			Files.writeString(config, nginx(dir, port, nodes));
			command = List.of(binary("nginx"), "-p", dir.toString(), "-c", config.toString());
		}
		else {
			Files.writeString(config, haproxy(port, nodes));
			command = List.of(binary("haproxy"), "-db", "-f", config.toString());
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		Balancer balancer = new Balancer(kind, process, port, log);
		balancer.awaitListening();
		return balancer;
	}

	public String base() {
		return "http://127.0.0.1:" + port;
	}

	public Kind kind() {
		return kind;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	@Override
	public String toString() {
		return kind.name();
	}

	private void awaitListening() {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!process.isAlive()) {
				throw new AssertionError(kind + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/**
	 * Streams request and response bodies (no buffering: uploads and downloads of any
	 * size), and passes a request that could not reach a node on to the next one, PATCH
	 * included: nginx only does so before any of the body went out, and tus refuses a
	 * PATCH at the wrong offset anyway.
	 */
	private static String nginx(Path dir, int port, int[] nodes) {
		String servers = Arrays.stream(nodes)
			.mapToObj((node) -> "    server 127.0.0.1:" + node + " max_fails=1 fail_timeout=5s;")
			.collect(Collectors.joining("\n"));
		String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
		return user + """
				daemon off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log stderr warn;
				events { worker_connections 1024; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/tmp/body;
				  proxy_temp_path %1$s/tmp/proxy;
				  fastcgi_temp_path %1$s/tmp/fastcgi;
				  uwsgi_temp_path %1$s/tmp/uwsgi;
				  scgi_temp_path %1$s/tmp/scgi;
				  upstream ferry {
				%2$s
				  }
				  server {
				    listen 127.0.0.1:%3$d;
				    client_max_body_size 0;
				    location / {
				      proxy_pass http://ferry;
				      proxy_http_version 1.1;
				      proxy_set_header Host $http_host;
				      proxy_set_header Connection "";
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				      proxy_set_header X-Forwarded-Proto $scheme;
				      proxy_request_buffering off;
				      proxy_buffering off;
				      proxy_next_upstream error timeout non_idempotent;
				      proxy_connect_timeout 2s;
				      proxy_read_timeout 120s;
				      proxy_send_timeout 120s;
				    }
				  }
				}
				""".formatted(dir, servers, port);
	}

	/**
	 * Health checks take a killed node out within a second; a request that could not
	 * connect is sent to another node ({@code redispatch}).
	 */
	private static String haproxy(int port, int[] nodes) {
		StringBuilder servers = new StringBuilder();
		for (int i = 0; i < nodes.length; i++) {
			servers.append("  server ")
				.append(Cluster.name(i))
				.append(" 127.0.0.1:")
				.append(nodes[i])
				.append(" check inter 500ms fall 1 rise 2\n");
		}
		return """
				global
				  maxconn 1024
				defaults
				  mode http
				  timeout connect 2s
				  timeout client 120s
				  timeout server 120s
				  retries 2
				  option redispatch 1
				frontend ferry
				  bind 127.0.0.1:%d
				  default_backend nodes
				backend nodes
				  balance roundrobin
				  option httpchk GET /health
				%s""".formatted(port, servers);
	}

	private static String binary(String name) {
		for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin")) {
			Path path = Path.of(dir, name);
			if (Files.isExecutable(path)) {
				return path.toString();
			}
		}
		throw new UncheckedIOException(new IOException(name + " is missing: the cluster test runs Debian's " + name
				+ "; run bin/test-services to install it"));
	}

}
