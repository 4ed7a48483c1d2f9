package io.imfacade.netease;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.simulator.netease.NeteaseSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading what the client put on the wire, and the golden examples of the seed. */
public final class Wiretap {

  private Wiretap() {}

  /** The form fields of a request body, decoded, in their order. */
  public static Map<String, String> form(LoggedRequest request) {
    return form(request.getBodyAsString());
  }

  /** The form fields of an {@code application/x-www-form-urlencoded} body, decoded, in their order. */
  public static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      String previous = fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      assertThat(previous).as("form field %s sent twice", name).isNull();
    }
    return fields;
  }

  /**
   * Asserts the four signature headers of a request, the CheckSum recomputed from the secret by
   * the simulator's own implementation (not the provider's).
   */
  public static void assertSigned(LoggedRequest request, String appKey, String appSecret) {
    assertThat(request.getHeader("AppKey")).as("AppKey").isEqualTo(appKey);
    String nonce = request.getHeader("Nonce");
    String curTime = request.getHeader("CurTime");
    assertThat(nonce).as("Nonce").isNotBlank().hasSizeLessThanOrEqualTo(128);
    assertThat(curTime).as("CurTime").matches("[0-9]+");
    assertThat(request.getHeader("CheckSum")).as("CheckSum")
        .matches("[0-9a-f]{40}")
        .isEqualTo(NeteaseSimulator.checkSum(appSecret, nonce, curTime));
  }

  /** A test resource as UTF-8 text. */
  static String resource(String path) {
    try (InputStream in = Wiretap.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A seed example and how many missing commas its fix added. */
  static final class Fixed {
    final String json;
    final int commasAdded;
    final int commentsRemoved;

    Fixed(String json, int commasAdded, int commentsRemoved) {
      this.json = json;
      this.commasAdded = commasAdded;
      this.commentsRemoved = commentsRemoved;
    }
  }

  /**
   * The minimal syntax fix of a hand-edited doc example: {@code //} comments outside strings are
   * removed, and a comma is added where a value ends a line and the next line starts another
   * member or element without one. Nothing else changes; the parser of the provider stays strict.
   */
  static Fixed fixDocJson(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean inString = false;
    boolean escaped = false;
    char last = 0;
    int lastEnd = -1;
    boolean newline = false;
    int commas = 0;
    int comments = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (inString) {
        out.append(c);
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
          last = '"';
          lastEnd = out.length();
          newline = false;
        }
        continue;
      }
      if (c == '/' && i + 1 < raw.length() && raw.charAt(i + 1) == '/') {
        while (i + 1 < raw.length() && raw.charAt(i + 1) != '\n') {
          i++;
        }
        comments++;
        continue;
      }
      if (c == '\n') {
        newline = true;
      }
      if (Character.isWhitespace(c)) {
        out.append(c);
        continue;
      }
      boolean startsValue = c == '"' || c == '{' || c == '[';
      boolean endedValue = last == '"' || last == '}' || last == ']' || Character.isDigit(last) || last == 'e' || last == 'l';
      if (newline && startsValue && endedValue) {
        out.insert(lastEnd, ',');
        commas++;
      }
      out.append(c);
      if (c == '"') {
        inString = true;
      } else {
        last = c;
        lastEnd = out.length();
        newline = false;
      }
    }
    // Trailing spaces that a removed comment leaves are harmless whitespace.
    return new Fixed(out.toString(), commas, comments);
  }
}
