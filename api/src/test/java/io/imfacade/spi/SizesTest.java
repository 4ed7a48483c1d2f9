package io.imfacade.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SizesTest {

  @Test
  void utf8LengthMatchesTheEncoderForMixedText() {
    Random random = new Random(42);
    for (int n = 0; n < 2000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        switch (random.nextInt(4)) {
          case 0: sb.append((char) ('a' + random.nextInt(26))); break;
          case 1: sb.append((char) (0x80 + random.nextInt(0x780))); break;
          case 2: sb.append((char) (0x4e00 + random.nextInt(0x5000))); break;
          default: sb.appendCodePoint(0x1F600 + random.nextInt(80));
        }
      }
      String s = sb.toString();
      assertThat(Sizes.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void jsonObjectBytesCountsEscapesAndSeparators() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("a", "x\"y");
    map.put("网", "\n😀");
    String json = "{\"a\":\"x\\\"y\",\"网\":\"\\n😀\"}";
    assertThat(Sizes.jsonObjectBytes(map)).isEqualTo(json.getBytes(StandardCharsets.UTF_8).length);
    assertThat(Sizes.jsonObjectBytes(Map.of())).isEqualTo(2);
  }
}
