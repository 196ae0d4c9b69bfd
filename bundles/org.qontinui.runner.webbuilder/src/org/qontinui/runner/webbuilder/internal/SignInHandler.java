package org.qontinui.runner.webbuilder.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.qontinui.runner.webbuilder.WebBuilderConnection;

/** "Sign in to Web Builder...": the sign-in dialog; the view reloads when the sign-in is stored. */
public class SignInHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		new SignInDialog(HandlerUtil.getActiveShellChecked(event), WebBuilderConnection.getDefault(), null).open();
		return null;
	}
}
