package io.imfacade.simulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a method and decoded path segments to a handler. Patterns are slash-separated segments,
 * literal or {@code {name}} (any non-empty segment); the first route added that matches wins, so
 * literal routes go before the ones with a variable in the same place. Internal.
 *
 * @param <H> the handler type
 */
public final class Router<H> {

  /** The outcome of {@link #match}. */
  public static final class Match<H> {
    private final H handler;
    private final Map<String, String> params;
    private final boolean pathKnown;

    Match(H handler, Map<String, String> params, boolean pathKnown) {
      this.handler = handler;
      this.params = params;
      this.pathKnown = pathKnown;
    }

    /** The handler, or null when nothing matched. */
    public H handler() {
      return handler;
    }

    /** A path variable. */
    public String param(String name) {
      return params.get(name);
    }

    /** True when no route matched but a route for another method has this path (HTTP 405). */
    public boolean methodNotAllowed() {
      return handler == null && pathKnown;
    }
  }

  private static final class Route<H> {
    final String method;
    final List<String> pattern;
    final H handler;

    Route(String method, List<String> pattern, H handler) {
      this.method = method;
      this.pattern = pattern;
      this.handler = handler;
    }
  }

  private final List<Route<H>> routes = new ArrayList<>();

  /** Adds a route. */
  public Router<H> route(String method, String pattern, H handler) {
    routes.add(new Route<>(method, Arrays.asList(pattern.split("/")), handler));
    return this;
  }

  /** The first route matching the request. */
  public Match<H> match(String method, List<String> segments) {
    boolean pathKnown = false;
    for (Route<H> route : routes) {
      Map<String, String> params = bind(route.pattern, segments);
      if (params == null) {
        continue;
      }
      if (route.method.equals(method)) {
        return new Match<>(route.handler, params, true);
      }
      pathKnown = true;
    }
    return new Match<>(null, Collections.emptyMap(), pathKnown);
  }

  private static Map<String, String> bind(List<String> pattern, List<String> segments) {
    if (pattern.size() != segments.size()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      String s = segments.get(i);
      if (p.startsWith("{") && p.endsWith("}")) {
        if (s.isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), s);
      } else if (!p.equals(s)) {
        return null;
      }
    }
    return params;
  }
}
