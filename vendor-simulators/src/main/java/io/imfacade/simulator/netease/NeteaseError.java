package io.imfacade.simulator.netease;

/**
 * A business failure, thrown anywhere below the dispatcher and answered as NetEase does: HTTP 200
 * with {@code {"code":<code>,"desc":"..."}}.
 */
final class NeteaseError extends RuntimeException {

  static final int NO_PERMISSION = 403;
  static final int NOT_FOUND = 404;
  static final int PARAMETER = 414;
  static final int RATE_LIMITED = 416;
  static final int REPEATED_OPERATION = 417;
  static final int COUNT_OVER_LIMIT = 419;
  static final int REPEATED_REQUEST = 431;
  static final int TEAM_FULL = 801;
  static final int TEAM_NO_PERMISSION = 802;
  static final int TEAM_NOT_FOUND = 803;
  static final int TEAM_NOT_MEMBER = 804;
  static final int ALREADY_IN_TEAM = 809;

  private final int code;

  NeteaseError(int code, String desc) {
    super(desc, null, false, false);
    this.code = code;
  }

  static NeteaseError parameter(String desc) {
    return new NeteaseError(PARAMETER, desc);
  }

  static NeteaseError userNotFound(String accid) {
    return new NeteaseError(NOT_FOUND, "accid not exist: " + accid);
  }

  int code() {
    return code;
  }

  String desc() {
    return getMessage();
  }
}
