package dev.ferry.protect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CountryResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Country of a client address from the MaxMind database named by {@code FERRY_GEOIP_DB}.
 * A configured database that cannot be read stops the start, so a country rule never
 * silently stops applying.
 */
@Component
class GeoIp implements DisposableBean {

	private final DatabaseReader reader;

	GeoIp(GeoIpProperties properties) {
		this.reader = (properties.db() != null && !properties.db().isBlank()) ? open(Path.of(properties.db())) : null;
	}

	boolean available() {
		return reader != null;
	}

	/** The ISO 3166 alpha-2 code, empty when unknown or without a database. */
	Optional<String> country(InetAddress address) {
		if (reader == null) {
			return Optional.empty();
		}
		try {
			return reader.tryCountry(address)
				.map(CountryResponse::country)
				.map((country) -> country.isoCode())
				.map((code) -> code.toUpperCase(Locale.ROOT));
		}
		catch (IOException | GeoIp2Exception ex) {
			return Optional.empty();
		}
	}

	@Override
	public void destroy() throws IOException {
		if (reader != null) {
			reader.close();
		}
	}

	private static DatabaseReader open(Path file) {
		if (!Files.isReadable(file)) {
			throw new IllegalStateException("FERRY_GEOIP_DB names " + file + ", which is not a readable file");
		}
		try {
			return new DatabaseReader.Builder(file.toFile()).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("FERRY_GEOIP_DB " + file + " is not a MaxMind database", ex);
		}
	}

}
