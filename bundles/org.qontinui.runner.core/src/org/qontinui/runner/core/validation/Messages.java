/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.validation;

import org.eclipse.osgi.util.NLS;

/** The validation diagnostics' messages (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.core.validation.messages"; //$NON-NLS-1$

	public static String ConfigValidator_imageNoId;
	public static String ConfigValidator_imageDuplicateId;
	public static String ConfigValidator_stateNoId;
	public static String ConfigValidator_stateDuplicateId;
	public static String ConfigValidator_workflowNoId;
	public static String ConfigValidator_workflowDuplicateId;
	public static String ConfigValidator_transitionNoId;
	public static String ConfigValidator_transitionDuplicateId;
	public static String ConfigValidator_missingVersion;
	public static String ConfigValidator_badVersion;
	public static String ConfigValidator_unsupportedVersion;
	public static String ConfigValidator_missingMetadata;
	public static String ConfigValidator_missingConfigurationName;
	public static String ConfigValidator_imageNoName;
	public static String ConfigValidator_badImageFormat;
	public static String ConfigValidator_imageNoData;
	public static String ConfigValidator_imageLabel;
	public static String ConfigValidator_imageHashMismatch;
	public static String ConfigValidator_maskLabel;
	public static String ConfigValidator_notBase64;
	public static String ConfigValidator_badImageData;
	public static String ConfigValidator_wrongImageKind;
	public static String ConfigValidator_imageTooLarge;
	public static String ConfigValidator_stateNoName;
	public static String ConfigValidator_regionNoId;
	public static String ConfigValidator_regionDuplicateId;
	public static String ConfigValidator_locationNoId;
	public static String ConfigValidator_locationDuplicateId;
	public static String ConfigValidator_stringNoId;
	public static String ConfigValidator_stringDuplicateId;
	public static String ConfigValidator_noImage;
	public static String ConfigValidator_stateImageNoId;
	public static String ConfigValidator_stateImageDuplicateId;
	public static String ConfigValidator_noPatterns;
	public static String ConfigValidator_patternDuplicateId;
	public static String ConfigValidator_patternNoImageId;
	public static String ConfigValidator_workflowNoName;
	public static String ConfigValidator_workflowNoActions;
	public static String ConfigValidator_actionNoId;
	public static String ConfigValidator_actionDuplicateId;
	public static String ConfigValidator_recursiveWorkflow;
	public static String ConfigValidator_actionNoType;
	public static String ConfigValidator_unknownActionType;
	public static String ConfigValidator_unknownActionTypeHint;
	public static String ConfigValidator_noAction;
	public static String ConfigValidator_noStateNamed;
	public static String ConfigValidator_goToStateNoStateIds;
	public static String ConfigValidator_runWorkflowNoWorkflowId;
	public static String ConfigValidator_noWorkflow;
	public static String ConfigValidator_badSearchStrategy;
	public static String ConfigValidator_badMouseButton;
	public static String ConfigValidator_badLoopType;
	public static String ConfigValidator_badFailureStrategy;
	public static String ConfigValidator_badExecutionMode;
	public static String ConfigValidator_tooManyClicks;
	public static String ConfigValidator_tooManyLoopIterations;
	public static String ConfigValidator_expressionTooLong;
	public static String ConfigValidator_badTargetType;
	public static String ConfigValidator_noStateImageOrImage;
	public static String ConfigValidator_imageTargetNoImageIds;
	public static String ConfigValidator_textTargetNoText;
	public static String ConfigValidator_noStateLocation;
	public static String ConfigValidator_noStateRegion;
	public static String ConfigValidator_controlFlowCycle;
	public static String ConfigValidator_noState;
	public static String ConfigValidator_badTransitionType;
	public static String ConfigValidator_outgoingNoFromState;
	public static String ConfigValidator_outgoingNoTarget;
	public static String ConfigValidator_incomingNoToState;
	public static String ConfigValidator_categoryNoName;
	public static String ConfigValidator_noInitialState;
	public static String ConfigValidator_unreachableState;
	public static String ConfigValidator_unusedWorkflow;
	public static String ConfigValidator_missingContributedField;
	public static String ConfigValidator_missingContributedFieldDescribed;
	public static String ConfigValidator_contributedFieldWrongType;
	public static String ImageHeader_pngWithoutHeader;
	public static String ImageHeader_pngEmpty;
	public static String ImageHeader_jpegBrokenHeader;
	public static String ImageHeader_jpegEmpty;
	public static String ImageHeader_jpegWithoutFrame;
	public static String ImageHeader_notAnImage;
	public static String ActionTypeRegistry_installPlugin;
	public static String ActionTypeRegistry_notExecuted;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
