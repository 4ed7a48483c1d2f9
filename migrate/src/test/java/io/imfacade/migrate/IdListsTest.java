package io.imfacade.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users.txt / groups.tsv files: one id a line, the first column of a TSV. */
class IdListsTest {

  @TempDir
  Path dir;

  @Test
  void readsTheFirstColumnSkippingCommentsBlanksAndAByteOrderMark() throws Exception {
    Path file = dir.resolve("groups.tsv");
    Files.writeString(file, "\uFEFF1001\tTeam ✨\n# a comment\n\n  1002  \n1003\tFillers\textra\n", StandardCharsets.UTF_8);

    assertThat(IdLists.read(file)).containsExactly("1001", "1002", "1003");
    assertThat(IdLists.read(file)).as("each iteration reads the file again").containsExactly("1001", "1002", "1003");
  }

  @Test
  void aMissingFileIsAnInvalidRequest() {
    assertThatThrownBy(() -> IdLists.read(dir.resolve("nope.txt")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope.txt");
  }
}
