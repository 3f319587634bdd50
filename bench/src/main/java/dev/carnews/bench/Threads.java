package dev.carnews.bench;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the suite's threads ({@code bench-client-1}...) so profiles can be split by role. */
final class Threads implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  Threads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    return new Thread(task, prefix + "-" + count.incrementAndGet());
  }
}
