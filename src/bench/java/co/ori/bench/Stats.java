package co.ori.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latency sample of one step (durations in nanoseconds) and its nearest-rank percentiles in
 * milliseconds. Thread-safe for {@link #add}.
 */
final class Stats {

  private final List<Long> nanos = new ArrayList<>();

  synchronized void add(long durationNanos) {
    nanos.add(durationNanos);
  }

  synchronized void addAll(Stats other) {
    nanos.addAll(other.snapshot());
  }

  synchronized List<Long> snapshot() {
    return new ArrayList<>(nanos);
  }

  int count() {
    return snapshot().size();
  }

  /** Nearest-rank percentile in milliseconds (p in 0..100); NaN when empty. */
  double percentileMillis(double p) {
    List<Long> sorted = snapshot();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }

  double meanMillis() {
    List<Long> all = snapshot();
    return all.isEmpty() ? Double.NaN : all.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6;
  }

  double totalMillis() {
    return snapshot().stream().mapToLong(Long::longValue).sum() / 1e6;
  }
}
