package io.imfacade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A single chunk's answer that already comes in the order of the ids is the result as it is (no
 * ordering copy); whatever the answer, the result is the one the ordering copy makes: the ids
 * answered with a value, once each, in the order of their first appearance, unmodifiable.
 */
class BatchesInOrderTest {

  private final ProviderContext context = ProviderContext.create();

  @AfterEach
  void close() {
    context.close();
  }

  /** What the ordering copy makes of {@code answer}: the reference. */
  private static Map<String, String> reference(List<String> ids, Map<String, String> answer) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String id : ids) {
      String v = answer.get(id);
      if (v != null) {
        ordered.put(id, v);
      }
    }
    return ordered;
  }

  private Map<String, String> read(List<String> ids, Map<String, String> answer) {
    return Batches.readInOrder(context, ids, 1000, 4, chunk -> answer);
  }

  @Test
  void anAnswerInRequestOrder_isTheResult_unmodifiable() {
    List<String> ids = List.of("c", "a", "b", "d");
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("c", "3");
    answer.put("b", "2"); // "a" unknown: absent
    answer.put("d", "4");
    Map<String, String> result = read(ids, answer);
    assertThat(new ArrayList<>(result.entrySet())).isEqualTo(new ArrayList<>(reference(ids, answer).entrySet()));
    assertThatThrownBy(() -> result.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void outOfOrder_extra_null_andRepeatedIds_areTheOrderingCopys() {
    List<List<String>> idLists = List.of(List.of("a", "b", "a"), List.of("b", "a", "b"), List.of("a", "b", "c"));
    List<Map<String, String>> answers = new ArrayList<>();
    answers.add(linked("b", "2", "a", "1"));
    answers.add(linked("a", "1", "b", "2"));
    answers.add(linked("a", "1", "x", "9", "b", "2"));
    answers.add(linked("a", null, "b", "2"));
    answers.add(linked("c", "3"));
    for (List<String> ids : idLists) {
      for (Map<String, String> answer : answers) {
        Map<String, String> result = read(ids, answer);
        assertThat(new ArrayList<>(result.entrySet())).as("%s answered %s", ids, answer)
            .isEqualTo(new ArrayList<>(reference(ids, answer).entrySet()));
      }
    }
  }

  /** Random ids with repeats and random answers in random orders: always the ordering copy's result. */
  @Test
  void randomAnswers_giveTheOrderingCopysResult() {
    Random random = new Random(42);
    for (int round = 0; round < 2000; round++) {
      List<String> ids = new ArrayList<>();
      int n = 1 + random.nextInt(8);
      for (int i = 0; i < n; i++) {
        ids.add("u" + random.nextInt(6));
      }
      List<String> keys = new ArrayList<>(List.of("u0", "u1", "u2", "u3", "u4", "u5", "zz"));
      java.util.Collections.shuffle(keys, random);
      Map<String, String> answer = random.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
      for (String k : keys.subList(0, random.nextInt(keys.size()))) {
        answer.put(k, random.nextInt(5) == 0 ? null : "v" + k);
      }
      Map<String, String> result = read(ids, answer);
      assertThat(new ArrayList<>(result.entrySet())).as("%s answered %s", ids, answer)
          .isEqualTo(new ArrayList<>(reference(ids, answer).entrySet()));
    }
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
