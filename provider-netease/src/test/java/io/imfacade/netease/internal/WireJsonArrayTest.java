package io.imfacade.netease.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JSON arrays the provider writes by hand into form fields are exactly the text Jackson would
 * write, whatever the strings hold: the wire does not change with the faster writer.
 */
class WireJsonArrayTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  private static void assertSameAsJackson(List<String> values) throws Exception {
    assertThat(Wire.jsonArray(values)).isEqualTo(JACKSON.writeValueAsString(values));
  }

  @Test
  void emptyAndOrdinaryLists() throws Exception {
    assertSameAsJackson(List.of());
    assertSameAsJackson(List.of("alice"));
    assertSameAsJackson(List.of("alice", "bob_1", "carol.d-e@x"));
    assertThat(Wire.jsonArray(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void everyAsciiCharacterIsEscapedAsJacksonEscapesIt() throws Exception {
    List<String> each = new ArrayList<>();
    for (char c = 0; c < 0x80; c++) {
      each.add("x" + c + "y");
    }
    assertSameAsJackson(each);
  }

  @Test
  void quotesBackslashesUnicodeEmojiAndLoneSurrogates() throws Exception {
    assertSameAsJackson(List.of("\"", "\\", "\\\"", "名字", "🙂👍🏽", "\u2028\u2029", "\u007f\u0080\u00ff", "a\ud800b",
        "\udfffz", "/slash/"));
  }

  @Test
  void randomStrings() throws Exception {
    Random random = new Random(14);
    for (int round = 0; round < 200; round++) {
      List<String> values = new ArrayList<>();
      for (int i = random.nextInt(5); i >= 0; i--) {
        StringBuilder s = new StringBuilder();
        for (int j = random.nextInt(12); j > 0; j--) {
          s.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        values.add(s.toString());
      }
      assertSameAsJackson(values);
    }
  }
}
