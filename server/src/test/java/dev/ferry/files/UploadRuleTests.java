package dev.ferry.files;

import java.util.List;

import dev.ferry.auth.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How one upload policy rule matches roles, types and names. */
class UploadRuleTests {

	@Test
	void typeWildcardsAndDenialsWin() {
		UploadRule images = new UploadRule(null, null, List.of("Image/*"), List.of("image/svg+xml"), null, null, null,
				null);
		assertThat(images.typeAllowed("image/png")).isTrue();
		assertThat(images.typeAllowed("image/svg+xml")).isFalse();
		assertThat(images.typeAllowed("imagex/png")).isFalse();
		assertThat(images.typeAllowed("text/plain")).isFalse();
		assertThat(images.checksType()).isTrue();
	}

	@Test
	void extensionsMatchTheEndOfTheNameIgnoringCase() {
		UploadRule archives = new UploadRule(null, null, null, null, List.of(".tar.gz", ".ZIP"), null, null, null);
		assertThat(archives.nameAllowed("backup.TAR.GZ")).isTrue();
		assertThat(archives.nameAllowed("a.zip")).isTrue();
		assertThat(archives.nameAllowed("a.gz")).isFalse();
		assertThat(archives.nameAllowed("zip")).isFalse();
		UploadRule noExecutables = new UploadRule(null, null, null, null, null, List.of(".exe"), null, null);
		assertThat(noExecutables.nameAllowed("setup.EXE")).isFalse();
		assertThat(noExecutables.nameAllowed("notes.txt")).isTrue();
		assertThat(noExecutables.checksType()).isFalse();
	}

	@Test
	void aRuleWithoutRolesAppliesToEveryone() {
		UploadRule all = new UploadRule(null, null, null, null, null, null, null, 10L);
		UploadRule guests = new UploadRule(null, List.of("Guest"), null, null, null, null, null, 10L);
		assertThat(all.appliesTo(Role.ADMIN)).isTrue();
		assertThat(guests.appliesTo(Role.GUEST)).isTrue();
		assertThat(guests.appliesTo(Role.USER)).isFalse();
	}

}
