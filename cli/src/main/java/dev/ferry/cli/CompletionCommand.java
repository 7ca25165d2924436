package dev.ferry.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
		description = { "Print the shell completion script for bash or zsh.",
				"The script is picocli's; in zsh it loads bashcompinit itself." },
		footerHeading = "%nExamples:%n",
		footer = { "  source <(ferry completion bash)              # this shell",
				"  ferry completion bash > ~/.local/share/bash-completion/completions/ferry",
				"  echo 'source <(ferry completion zsh)' >> ~/.zshrc" })
final class CompletionCommand implements Callable<Integer> {

	enum Shell {

		bash, zsh

	}

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
	Shell shell;

	@Override
	public Integer call() {
		spec.commandLine().getOut().print(AutoComplete.bash("ferry", spec.root().commandLine()));
		spec.commandLine().getOut().flush();
		return ExitCode.OK;
	}

}
