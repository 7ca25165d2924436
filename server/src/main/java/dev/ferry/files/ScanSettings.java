package dev.ferry.files;

/**
 * What the files module must know about malware scanning, implemented by the scan module:
 * whether new files wait for a scan. Without an implementation nothing is scanned and
 * files arrive as {@link ScanStatus#SKIPPED}.
 */
public interface ScanSettings {

	boolean scannerConfigured();

}
