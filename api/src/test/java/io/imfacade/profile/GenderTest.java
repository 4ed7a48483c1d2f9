package io.imfacade.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vendors' gender codes: "1" and "2", spaces around them forgiven, anything else unknown. */
class GenderTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, nullValues = "NULL", value = {
      "1|MALE", "2|FEMALE", "0|UNKNOWN", "3|UNKNOWN", " 1|MALE", "2 |FEMALE", "  2  |FEMALE", "|UNKNOWN",
      " |UNKNOWN", "12|UNKNOWN", "11|UNKNOWN", "1 2|UNKNOWN", "a|UNKNOWN", "male|UNKNOWN", "NULL|UNKNOWN",
      "１|UNKNOWN",
  })
  void fromWireText(String wire, Gender expected) {
    assertThat(Gender.fromWireText(wire)).isEqualTo(expected);
  }

  @Test
  void otherWhitespaceAroundTheCodeIsForgivenToo() {
    assertThat(Gender.fromWireText("\t1\n")).isEqualTo(Gender.MALE);
    assertThat(Gender.fromWireText("\r2\t")).isEqualTo(Gender.FEMALE);
    assertThat(Gender.fromWireText("\t\n")).isEqualTo(Gender.UNKNOWN);
  }
}
