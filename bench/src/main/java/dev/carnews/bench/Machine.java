package dev.carnews.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Facts about the machine and the files a run measures. */
final class Machine {

  private Machine() {}

  /** The 1-minute load average, or -1 when the system does not say. */
  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Cores, Java version and VM, maximum heap. */
  static Map<String, Object> describe() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("cores", Runtime.getRuntime().availableProcessors());
    facts.put("java", System.getProperty("java.runtime.version"));
    facts.put("vm", System.getProperty("java.vm.name"));
    facts.put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1e6);
    facts.put("load", load());
    facts.put("os", uname());
    return facts;
  }

  /** The bytes of every file under a folder. */
  static long sizeOf(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      long total = 0;
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          total += Files.size(file);
        }
      }
      return total;
    }
  }

  private static String uname() {
    Path version = Path.of("/proc/version");
    try {
      return Files.exists(version)
          ? Files.readString(version, StandardCharsets.UTF_8).strip()
          : System.getProperty("os.name");
    } catch (IOException e) {
      return System.getProperty("os.name") + " (" + e.getMessage() + ")";
    }
  }
}
