package dev.ferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTests {

	@Test
	void everyCommandTeachesWithExamples() {
		CommandLine ferry = Ferry.commandLine();
		assertThat(ferry.getUsageMessage()).contains("Examples:", "Exit codes:", "7  checksum mismatch");
		ferry.getSubcommands().forEach((name, command) -> {
			if (!name.equals("help")) {
				assertThat(command.getUsageMessage()).as(name).containsPattern("Examples?:").contains("ferry " + name);
			}
		});
	}

	@Test
	void completionScriptsKnowTheCommandsAndOptions() {
		StringWriter out = new StringWriter();
		CommandLine ferry = Ferry.commandLine();
		ferry.setOut(new PrintWriter(out));

		assertThat(ferry.execute("completion", "zsh")).isZero();

		assertThat(out.toString()).contains("complete -F", "bashcompinit", "upload", "--limit-rate", "--dry-run");
		assertThat(Ferry.commandLine().setErr(new PrintWriter(new StringWriter())).execute("completion", "fish"))
			.isEqualTo(2);
	}

	@Test
	void wrongSizesAndDurationsAreSentences() {
		assertThat(Sizes.parseBytes("8M")).isEqualTo(8L << 20);
		assertThat(Sizes.parseDuration("7d").toHours()).isEqualTo(168);
		StringWriter err = new StringWriter();
		CommandLine ferry = Ferry.commandLine();
		ferry.setErr(new PrintWriter(err));

		assertThat(ferry.execute("upload", "--chunk-size", "lots", "pom.xml")).isEqualTo(2);
		assertThat(err.toString())
			.isEqualTo("ferry: 'lots' is not a size; write it like 512K, 8M or 1G." + System.lineSeparator());
	}

	@Test
	void problemDetailsBecomeSentencesWithTheirFieldErrors() {
		CliException problem = Problems.of(400,
				"{\"type\":\"/problems/validation\",\"title\":\"Invalid request\",\"detail\":\"title is required\","
						+ "\"errors\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}");

		assertThat(problem.exitCode()).isEqualTo(5);
		assertThat(problem.getMessage())
			.isEqualTo("Title is required." + System.lineSeparator() + "  title: must not be blank");
		assertThat(Problems.of(502, "<html>Bad gateway</html>").getMessage())
			.isEqualTo("The server answered HTTP 502.");
		assertThat(Problems.of(502, "").exitCode()).isEqualTo(6);
		assertThat(Problems.of(410, "").exitCode()).isEqualTo(4);
		assertThat(Problems.of(401, "").exitCode()).isEqualTo(3);
	}

}
