package dev.ferry.scan;

import dev.ferry.files.ScanSettings;

import org.springframework.stereotype.Component;

/** Tells the files module whether new files wait for clamd. */
@Component
class ClamdScanSettings implements ScanSettings {

	private final ScanProperties properties;

	ClamdScanSettings(ScanProperties properties) {
		this.properties = properties;
	}

	@Override
	public boolean scannerConfigured() {
		return properties.configured();
	}

}
