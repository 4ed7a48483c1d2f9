package io.imfacade.simulator;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The shape comparison the seed replays rely on must be able to fail. */
class JsonShapeTest {

  private static JsonNode json(String text) throws Exception {
    return Http.MAPPER.readTree(text);
  }

  @Test
  void acceptsOtherValuesOfTheSameShape() throws Exception {
    assertThatCode(() -> JsonShape.assertSameShape(
        "{\"a\":1,\"b\":{\"c\":[{\"d\":\"x\"}]},\"e\":null}", json("{\"e\":\"s\",\"b\":{\"c\":[{\"d\":\"y\"}]},\"a\":2}")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesMissingExtraOrRetypedFields() throws Exception {
    assertThatThrownBy(() -> JsonShape.assertSameShape("{\"a\":1,\"b\":2}", json("{\"a\":1}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonShape.assertSameShape("{\"a\":1}", json("{\"a\":1,\"b\":2}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonShape.assertSameShape("{\"a\":1}", json("{\"a\":\"1\"}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonShape.assertSameShape("{\"a\":[{\"x\":1}]}", json("{\"a\":[{\"y\":1}]}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonShape.assertSameShape("{\"a\":[1]}", json("{\"a\":[]}")))
        .isInstanceOf(AssertionError.class);
  }
}
