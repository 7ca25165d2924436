package dev.ferry.cli;

import picocli.CommandLine.Option;

/** How uploads move: files at once, PATCH size, bandwidth. */
final class TransferOptions {

	@Option(names = { "-P", "--parallel" }, defaultValue = "3", paramLabel = "N",
			description = "Files uploaded at the same time (default: ${DEFAULT-VALUE}).")
	int parallel;

	@Option(names = "--chunk-size", defaultValue = "8M", paramLabel = "SIZE",
			description = "Bytes per request (default: ${DEFAULT-VALUE}).")
	String chunkSize;

	@Option(names = "--limit-rate", paramLabel = "SIZE",
			description = "At most this many bytes per second per file, e.g. 500K or 2M.")
	String limitRate;

	Uploads.Settings settings() {
		long chunk = Sizes.parseBytes(chunkSize);
		if (chunk < 1) {
			throw new CliException(ExitCode.USAGE, "--chunk-size must be at least 1 byte.");
		}
		if (parallel < 1) {
			throw new CliException(ExitCode.USAGE, "--parallel must be at least 1.");
		}
		return new Uploads.Settings(parallel, chunk, (limitRate != null) ? Sizes.parseBytes(limitRate) : 0, "version");
	}

}
