package org.qontinui.runner.webbuilder.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.qontinui.runner.webbuilder.WebBuilderConnection;

/** Forgets the stored token. */
public class SignOutHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		WebBuilderConnection.getDefault().signOut();
		return null;
	}
}
