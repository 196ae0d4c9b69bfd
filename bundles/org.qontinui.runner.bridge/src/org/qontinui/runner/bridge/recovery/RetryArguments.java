package org.qontinui.runner.bridge.recovery;

/** {@code qontinui/retry}: {@code threshold} (0 &lt; t &le; 1) overrides every similarity of the attempt; null keeps them. */
public record RetryArguments(Double threshold) {
}
