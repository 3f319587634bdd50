package dev.carnews.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest methods of a JFR recording's execution samples: by self time (top frame) and by total
 * time (anywhere on the stack, counted once per sample), as shares of all samples.
 */
final class JfrTop {

  private JfrTop() {}

  /**
   * The {@code top} methods by self and by total samples, optionally only of threads whose name
   * starts with {@code threadPrefix} and of stacks with a method whose name contains {@code under}.
   */
  static Map<String, Object> of(Path recording, int top, String threadPrefix, String under)
      throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      if (threadPrefix != null && !threadName(event).startsWith(threadPrefix)) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      if (under != null
          && frames.stream().noneMatch(frame -> name(frame.getMethod()).contains(under))) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame.getMethod());
        if (seen.add(name)) {
          total.merge(name, 1, Integer::sum);
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("samples", samples);
    result.put("self", ranked(self, samples, top));
    result.put("total", ranked(total, samples, top));
    return result;
  }

  private static String threadName(RecordedEvent event) {
    var thread = event.getThread("sampledThread");
    return thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }

  private static Map<String, String> ranked(Map<String, Integer> counts, int samples, int top) {
    Map<String, String> ranked = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            entry ->
                ranked.put(
                    entry.getKey(),
                    String.format(
                        java.util.Locale.ROOT,
                        "%.1f%% (%d)",
                        100.0 * entry.getValue() / Math.max(samples, 1),
                        entry.getValue())));
    return ranked;
  }
}
