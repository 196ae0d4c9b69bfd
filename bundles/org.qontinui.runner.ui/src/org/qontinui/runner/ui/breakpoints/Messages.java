/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.breakpoints;

import org.eclipse.osgi.util.NLS;

/** The breakpoint commands' and pages' strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.breakpoints.messages"; //$NON-NLS-1$

	public static String BreakpointToggler_title;
	public static String BreakpointToggler_cannotToggle;
	public static String BreakpointToggler_notSupported;
	public static String ConfigToggleBreakpointsTarget_noElement;
	public static String ConfigToggleBreakpointsTarget_cannotRead;
	public static String ConfigToggleBreakpointsTargetFactory_name;
	public static String ConfigToggleBreakpointsTargetFactory_description;
	public static String ElementBreakpointPropertyPage_element;
	public static String ElementBreakpointPropertyPage_enabled;
	public static String ElementBreakpointPropertyPage_condition;
	public static String ElementBreakpointPropertyPage_conditionHint;
	public static String ElementBreakpointPropertyPage_hitCount;
	public static String ElementBreakpointPropertyPage_cannotChange;
	public static String FailureBreakpointToggle_cannotToggle;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
