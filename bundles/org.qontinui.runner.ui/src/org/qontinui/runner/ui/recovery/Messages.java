package org.qontinui.runner.ui.recovery;

import org.eclipse.osgi.util.NLS;

/** The failure recovery commands' strings. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.recovery.messages";

	public static String notSuspendedOnFailure;
	public static String thresholdTitle;
	public static String thresholdPrompt;
	public static String thresholdInvalid;
	public static String recaptureTitle;
	public static String recaptureMessage;
	public static String recaptureScreenshot;
	public static String recaptureLiveScreen;
	public static String recaptureImage;
	public static String recaptureNoImage;
	public static String recaptureNoConfig;
	public static String recaptureSelection;
	public static String recaptureOperation;
	public static String recaptureFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
