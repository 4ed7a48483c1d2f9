package io.imfacade.tck.faults;

/**
 * One request, as the client sent it or the server received it: what a test needs to count
 * requests and to tell a replay (the same method, URL and body again) from a different request.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param url the path and query
 * @param body the body as text (empty when none)
 * @param atNanos when it was sent or received ({@link System#nanoTime()}), to order a case's requests
 */
record SentRequest(String method, String url, String body, long atNanos) {

  /** The path, without the query. */
  String path() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** What makes two requests the same request sent twice. */
  String identity() {
    return method + " " + url + "\n" + body;
  }

  @Override
  public String toString() {
    return method + " " + url + (body.isEmpty() ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
  }
}
