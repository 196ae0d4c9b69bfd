package org.qontinui.runner.debug.sourcelookup;

import org.eclipse.debug.core.model.ISourceLocator;
import org.eclipse.debug.core.model.IStackFrame;
import org.qontinui.runner.debug.model.QontinuiStackFrame;

/**
 * A frame's source is the configuration file it runs, at the element's line; the frame knows both,
 * so it is its own source element and the model presentation opens the file.
 */
public class QontinuiSourceLocator implements ISourceLocator {

	@Override
	public Object getSourceElement(IStackFrame stackFrame) {
		return stackFrame instanceof QontinuiStackFrame ? stackFrame : null;
	}
}
