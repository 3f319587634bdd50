package dev.carnews.embed;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made by the first {@code get()} and shared by every caller after it; a value that is
 * never asked for is never made (a model that is never used is never loaded). Thread-safe.
 */
final class Once<T> implements Supplier<T> {

  private final Supplier<? extends T> maker;
  private volatile T made;

  Once(Supplier<? extends T> maker) {
    this.maker = Objects.requireNonNull(maker, "maker");
  }

  @Override
  public T get() {
    T value = made;
    if (value == null) {
      synchronized (this) {
        value = made;
        if (value == null) {
          value = maker.get();
          made = value;
        }
      }
    }
    return value;
  }
}
