package org.qontinui.runner.webbuilder;

import org.eclipse.swt.widgets.Shell;

/**
 * Asks the user to sign in when the web builder answered 401. The Web Builder view goes through
 * this interface rather than opening the dialog itself, so tests can answer without a modal dialog.
 */
@FunctionalInterface
public interface SignInPrompt {

	/**
	 * Called on the UI thread.
	 *
	 * @param reason why signing in is needed (the server's message)
	 * @return true when the user signed in and the request should be tried again
	 */
	boolean signIn(Shell shell, String reason);
}
