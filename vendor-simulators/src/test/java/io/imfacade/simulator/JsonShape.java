package io.imfacade.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the structure of a documented example with an actual answer: the same field names at
 * every level and compatible value types (a documented null matches a string). Values themselves
 * (ids, timestamps) are not compared.
 */
public final class JsonShape {

  private JsonShape() {}

  public static void assertSameShape(String documented, JsonNode actual) {
    JsonNode expected;
    try {
      expected = new ObjectMapper().readTree(documented);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    compare("$", expected, actual, problems);
    assertThat(problems).as("shape of %s against the documented %s", actual, documented).isEmpty();
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
    if (actual == null) {
      problems.add(path + " missing");
      return;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        problems.add(path + " should be an object: " + actual);
        return;
      }
      TreeSet<String> want = names(expected);
      TreeSet<String> got = names(actual);
      if (!want.equals(got)) {
        problems.add(path + " fields " + got + " instead of " + want);
      }
      for (String name : want) {
        if (actual.has(name)) {
          compare(path + "." + name, expected.get(name), actual.get(name), problems);
        }
      }
    } else if (expected.isArray()) {
      if (!actual.isArray()) {
        problems.add(path + " should be an array: " + actual);
      } else if (expected.size() > 0 && actual.size() > 0) {
        compare(path + "[0]", expected.get(0), actual.get(0), problems);
      } else if (expected.size() > 0) {
        problems.add(path + " is empty");
      }
    } else if (expected.isNumber() && !actual.isNumber()
        || expected.isTextual() && !actual.isTextual()
        || expected.isBoolean() && !actual.isBoolean()
        || expected.isNull() && !(actual.isNull() || actual.isTextual())) {
      problems.add(path + " is " + actual.getNodeType() + " instead of " + expected.getNodeType());
    }
  }

  private static TreeSet<String> names(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
