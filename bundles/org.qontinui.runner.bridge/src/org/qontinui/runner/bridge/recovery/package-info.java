/** Types of the failure recovery requests and of a failure stop (issue 11, {@code docs/protocol.md}). */
package org.qontinui.runner.bridge.recovery;
