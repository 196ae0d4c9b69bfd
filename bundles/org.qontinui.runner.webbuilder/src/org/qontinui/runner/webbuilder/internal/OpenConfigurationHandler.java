package org.qontinui.runner.webbuilder.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Downloads the configuration selected in the Web Builder view and opens it. */
public class OpenConfigurationHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (HandlerUtil.getActivePart(event) instanceof WebBuilderView view) {
			view.openSelection();
		}
		return null;
	}
}
