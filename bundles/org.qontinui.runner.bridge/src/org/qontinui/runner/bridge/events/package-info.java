/**
 * Bodies of the executor's {@code qontinui/*} custom events, next to the standard DAP events. Field
 * names follow {@code docs/protocol.md}.
 */
package org.qontinui.runner.bridge.events;
