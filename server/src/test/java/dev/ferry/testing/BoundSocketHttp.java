package dev.ferry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Sends one HTTP/1.1 request over a socket bound to a chosen local address (127.0.0.2,
 * 127.0.0.3...: Linux routes all of 127/8 to loopback), so the server sees a real,
 * different client address. {@code java.net.http} cannot bind its source address.
 */
final class BoundSocketHttp {

	private BoundSocketHttp() {
	}

	static Api.Response send(String localAddress, HttpRequest request) throws IOException {
		URI uri = request.uri();
		byte[] body = body(request);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(localAddress, 0));
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
			socket.setSoTimeout(60_000);
			StringBuilder head = new StringBuilder();
			String target = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
			head.append("Connection: close\r\n");
			request.headers()
				.map()
				.forEach((name, values) -> values
					.forEach((value) -> head.append(name).append(": ").append(value).append("\r\n")));
			if (body.length > 0 || !request.method().equals("GET")) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
	}

	private static Api.Response parse(byte[] raw) throws IOException {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		if (end < 0) {
			throw new IOException("Incomplete HTTP response: " + new String(raw, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).strip());
		}
		byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
		byte[] body = chunked ? dechunk(rest) : rest;
		return new Api.Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (true) {
			int lineEnd = indexOf(data, new byte[] { '\r', '\n' }, at);
			String size = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(data, lineEnd + 2, length);
			at = lineEnd + 2 + length + 2;
		}
	}

	private static int indexOf(byte[] data, byte[] needle, int from) {
		outer: for (int i = from; i <= data.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] body(HttpRequest request) throws IOException {
		if (request.bodyPublisher().isEmpty()) {
			return new byte[0];
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CompletableFuture<Void> done = new CompletableFuture<>();
		request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(ByteBuffer item) {
				byte[] bytes = new byte[item.remaining()];
				item.get(bytes);
				out.writeBytes(bytes);
			}

			@Override
			public void onError(Throwable error) {
				done.completeExceptionally(error);
			}

			@Override
			public void onComplete() {
				done.complete(null);
			}

		});
		try {
			done.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IOException("Could not read the request body", ex);
		}
		return out.toByteArray();
	}

}
