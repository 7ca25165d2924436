package dev.ferry.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.util.Properties;

import io.tus.java.client.TusURLStore;

/**
 * The tus upload URLs of unfinished uploads, keyed by server, folder, local path, size
 * and modification time, in {@code uploads.properties}: a rerun of the same upload
 * continues at the server's offset, while a changed file starts afresh.
 */
final class UploadStore implements TusURLStore {

	private final Config config;

	private final Properties urls = new Properties();

	UploadStore(Config config) {
		this.config = config;
		if (Files.isRegularFile(config.uploadsFile())) {
			try (Reader reader = Files.newBufferedReader(config.uploadsFile())) {
				urls.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public synchronized void set(String fingerprint, URL url) {
		urls.setProperty(fingerprint, url.toString());
		save();
	}

	@Override
	public synchronized URL get(String fingerprint) {
		String url = urls.getProperty(fingerprint);
		try {
			return (url != null) ? new URL(url) : null;
		}
		catch (MalformedURLException ex) {
			return null;
		}
	}

	@Override
	public synchronized void remove(String fingerprint) {
		if (urls.remove(fingerprint) != null) {
			save();
		}
	}

	private void save() {
		StringWriter text = new StringWriter();
		try {
			urls.store(text, "ferry upload: unfinished uploads, resumed by the next run");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		config.writePrivate(config.uploadsFile(), text.toString());
	}

}
