package org.qontinui.runner.ui.internal;

import org.eclipse.ui.IStartup;
import org.qontinui.runner.ui.RunTracker;
import org.qontinui.runner.ui.views.RunConsole;

/** Gives every Qontinui run its Console from the first run on, whichever view is open. */
public class RunConsoleStartup implements IStartup {

	@Override
	public void earlyStartup() {
		RunConsole.follow(RunTracker.getDefault());
	}
}
