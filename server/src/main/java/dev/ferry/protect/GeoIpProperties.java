package dev.ferry.protect;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MaxMind GeoIP2/GeoLite2 Country database ({@code db}, unset: no country rules) and
 * what a country rule does with an address the database does not know.
 */
@ConfigurationProperties("ferry.geoip")
record GeoIpProperties(String db, @DefaultValue("allow") Unknown unknown) {

	enum Unknown {

		ALLOW, DENY

	}

}
