package io.imfacade.easemob.family;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request example of the seeds, read from the curl command as the doc prints it: method, URL,
 * headers, body. Only what the examples use is understood: {@code -X}, {@code -H} (with or without
 * a space), {@code -d} / {@code --data-raw}, {@code -L}, {@code -i}, single and double quotes
 * (without escapes) and {@code \}-newline continuations; {@code #} lines are comments.
 */
final class CurlExample {

  final String method;
  final String url;
  final Map<String, String> headers = new LinkedHashMap<>();
  final String body;

  private CurlExample(String method, String url, String body) {
    this.method = method;
    this.url = url;
    this.body = body;
  }

  /** The example in a classpath resource under {@code golden/}. */
  static CurlExample load(String resource) {
    List<String> words = words(Golden.text(resource));
    if (words.isEmpty() || !words.get(0).equals("curl")) {
      throw new IllegalArgumentException(resource + " is not a curl command: " + words);
    }
    String method = null;
    String url = null;
    String body = null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-X")) {
        method = words.get(++i);
      } else if (w.equals("-H")) {
        header(headers, words.get(++i));
      } else if (w.startsWith("-H")) {
        header(headers, w.substring(2));
      } else if (w.equals("-d") || w.equals("--data-raw")) {
        body = words.get(++i);
      } else if (w.equals("-L") || w.equals("-i")) {
        continue; // follow redirects, print headers: nothing of the request
      } else if (w.startsWith("-")) {
        throw new IllegalArgumentException(resource + ": option " + w + " is not understood");
      } else {
        url = w;
      }
    }
    if (method == null) {
      method = body == null || body.isEmpty() ? "GET" : "POST";
    }
    CurlExample example = new CurlExample(method, url, body == null || body.isEmpty() ? null : body);
    example.headers.putAll(headers);
    return example;
  }

  private static void header(Map<String, String> headers, String line) {
    int colon = line.indexOf(':');
    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
  }

  /**
   * The path below the app, such as {@code metadata/user/user1}: the URL without scheme, host and
   * the two app segments ({@code {org}/{app}} or {@code app-id/{appId}}), and without the query.
   */
  String pathBelowApp() {
    String rest = url.substring(url.indexOf("://") + 3);
    rest = rest.substring(rest.indexOf('/') + 1); // host
    int q = rest.indexOf('?');
    String path = q < 0 ? rest : rest.substring(0, q);
    String[] segments = path.split("/", 3);
    return segments[2];
  }

  /** The query parameters, in order; empty when none. */
  Map<String, String> query() {
    Map<String, String> query = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        query.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return query;
  }

  /** Shell words: whitespace-separated, single or double quotes kept literal, backslash-newline joins lines. */
  static List<String> words(String text) {
    StringBuilder script = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.startsWith("#")) {
        script.append(line).append('\n');
      }
    }
    String s = script.toString().replace("\\\n", "");
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        // Quotes are kept literal: the examples escape nothing inside them.
        int end = s.indexOf(c, i + 1);
        if (word == null) {
          word = new StringBuilder();
        }
        word.append(s, i + 1, end);
        i = end;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        if (word == null) {
          word = new StringBuilder();
        }
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** Resource access for the golden files. */
  static final class Golden {
    private Golden() {}

    static String text(String resource) {
      try (InputStream in = CurlExample.class.getResourceAsStream("/golden/" + resource)) {
        if (in == null) {
          throw new IllegalArgumentException("no resource golden/" + resource);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
