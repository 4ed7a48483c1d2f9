package io.imfacade.tck.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids one case uses, unique to it, so that cases can run at the same time against one server
 * and each finds its own requests in the {@link RequestLog}: users {@code fm00042u000}, {@code
 * fm00042u001}, ..., and the group {@code 81000429} (digits, as vendors issue them).
 *
 * @param number the case number, below 100000
 */
record CaseIds(int number) {

  /** A user id or a group id of a case, as this record builds them. */
  private static final Pattern ID = Pattern.compile("fm(\\d{5})u\\d{3}|(?<!\\d)81(\\d{5})9(?!\\d)");

  CaseIds {
    if (number < 0 || number >= 100_000) {
      throw new IllegalArgumentException("case number out of range: " + number);
    }
  }

  /** The prefix every user id of this case starts with, and no other case's. */
  String userPrefix() {
    return String.format("fm%05d", number);
  }

  /** User {@code i}, below 1000; no user id is a prefix of another. */
  String user(int i) {
    if (i < 0 || i >= 1000) {
      throw new IllegalArgumentException("user number out of range: " + i);
    }
    return userPrefix() + String.format("u%03d", i);
  }

  /** Users {@code from} (inclusive) to {@code to} (exclusive). */
  List<String> users(int from, int to) {
    List<String> users = new ArrayList<>();
    for (int i = from; i < to; i++) {
      users.add(user(i));
    }
    return users;
  }

  /** The group id of this case. */
  String group() {
    return String.format("81%05d9", number);
  }

  /** A password this case may send: never to be seen in a message either. */
  String password() {
    return "Pw-" + userPrefix() + "-s3cret";
  }


  /** The numbers of the cases whose user or group ids {@code text} (a URL, a body) names. */
  static List<Integer> numbersIn(String text) {
    List<Integer> numbers = new ArrayList<>(1);
    Matcher m = ID.matcher(text);
    while (m.find()) {
      int number = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
      if (!numbers.contains(number)) {
        numbers.add(number);
      }
    }
    return numbers;
  }
}
