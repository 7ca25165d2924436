package dev.ferry.cli;

import java.nio.file.Path;

import tools.jackson.databind.JsonNode;

/** Remote folders and the files in them. */
final class Remote {

	private Remote() {
	}

	/** {@code docs}, {@code /docs/}, {@code //docs} all mean {@code /docs}. */
	static String folder(String folder) {
		String value = ("/" + folder.trim()).replaceAll("/+", "/");
		return (value.length() > 1 && value.endsWith("/")) ? value.substring(0, value.length() - 1) : value;
	}

	static String child(String folder, String name) {
		return name.isEmpty() ? folder : folder(folder + "/" + name);
	}

	static String under(String folder, Path relative) {
		String path = relative.toString().replace('\\', '/');
		return path.isEmpty() ? folder : folder(folder + "/" + path);
	}

	/**
	 * A file id as is; a remote path ({@code /docs/a.pdf}) looked up to its id, since
	 * most people remember names, not UUIDs.
	 */
	static JsonNode resolve(Api api, String idOrPath) {
		if (!idOrPath.startsWith("/")) {
			return api.get("/api/v1/files/" + Api.query(idOrPath));
		}
		String path = folder(idOrPath);
		int slash = path.lastIndexOf('/');
		String folder = (slash == 0) ? "/" : path.substring(0, slash);
		String name = path.substring(slash + 1);
		String cursor = null;
		do {
			JsonNode page = api.get("/api/v1/files?limit=500&path=" + Api.query(folder) + "&name=" + Api.query(name)
					+ ((cursor != null) ? "&cursor=" + Api.query(cursor) : ""));
			for (JsonNode file : page.path("items")) {
				if (path.equals(file.path("path").asString())) {
					return file;
				}
			}
			cursor = Json.text(page.path("next_cursor"));
		}
		while (cursor != null);
		throw new CliException(ExitCode.NOT_FOUND, "There is no file " + path + ".");
	}

}
