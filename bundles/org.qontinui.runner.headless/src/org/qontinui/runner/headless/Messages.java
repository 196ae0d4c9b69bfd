/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.headless;

import org.eclipse.osgi.util.NLS;

/** The headless runner's strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.headless.messages"; //$NON-NLS-1$

	public static String RunOptions_usage;
	public static String RunOptions_badShard;
	public static String RunOptions_noCommand;
	public static String RunOptions_unknownCommand;
	public static String RunOptions_badBackend;
	public static String RunOptions_badOnFailure;
	public static String RunOptions_badTimeout;
	public static String RunOptions_unknownOption;
	public static String RunOptions_noInputs;
	public static String RunOptions_screenshotsNeeded;
	public static String RunOptions_notPositive;
	public static String RunOptions_needsValue;
	public static String SuitePlan_noMatch;
	public static String SuitePlan_configurations;
	public static String HeadlessRunner_cannotRead;
	public static String HeadlessRunner_noConfiguration;
	public static String HeadlessRunner_valid;
	public static String HeadlessRunner_suite;
	public static String HeadlessRunner_suiteShard;
	public static String HeadlessRunner_notResolved;
	public static String HeadlessRunner_otherBundles;
	public static String HeadlessRunner_executorSources;
	public static String HeadlessRunner_interpreter;
	public static String HeadlessRunner_interpreterWith;
	public static String HeadlessRunner_noDisplay;
	public static String HeadlessRunner_displays;
	public static String HeadlessRunner_reportTitle;
	public static String RunSession_noResult;
	public static String JUnitReport_runFailed;
	public static String JUnitReport_skipped;
	public static String HeadlessRunner_retrying;
	public static String HeadlessRunner_flaky;
	public static String HeadlessRunner_lastFailed;
	public static String HeadlessRunner_noLastRun;
	public static String HeadlessRunner_flakyNote;
	public static String HeadlessRunner_skipped;
	public static String XvfbDisplay_cannotStart;
	public static String XvfbDisplay_noNumber;
	public static String XvfbDisplay_interrupted;
	public static String XvfbDisplay_timeout;
	public static String XvfbDisplay_setupTimeout;
	public static String XvfbDisplay_setupFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
