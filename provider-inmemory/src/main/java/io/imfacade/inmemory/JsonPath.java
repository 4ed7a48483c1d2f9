package io.imfacade.inmemory;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.regex.Pattern;

/**
 * A place in a snapshot file, for messages: {@code $.contacts.alice[0].userId}, with a key that is
 * not a plain word quoted as JSON ({@code $.profiles["a/b"]}), so that the reader can find the
 * entry whatever characters its id holds.
 */
record JsonPath(String text) {

  static final JsonPath ROOT = new JsonPath("$");

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

  JsonPath key(String name) {
    if (PLAIN.matcher(name).matches()) {
      return new JsonPath(text + "." + name);
    }
    return new JsonPath(text + "[\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"]");
  }

  JsonPath index(int index) {
    return new JsonPath(text + "[" + index + "]");
  }

  @Override
  public String toString() {
    return text;
  }
}
