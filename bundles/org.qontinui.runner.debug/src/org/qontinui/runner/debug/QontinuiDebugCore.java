package org.qontinui.runner.debug;

/** Identifiers shared by the debug model, its launch configurations and the UI. */
public final class QontinuiDebugCore {

	public static final String PLUGIN_ID = "org.qontinui.runner.debug";
	/** Debug model identifier of every element and breakpoint. */
	public static final String MODEL_ID = "org.qontinui.runner.debug.model";
	public static final String LAUNCH_TYPE_ID = "org.qontinui.runner.debug.launchType";

	private QontinuiDebugCore() {
	}
}
