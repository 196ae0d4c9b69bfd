/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder.internal;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.secure.TokenFormat;
import org.qontinui.runner.core.webbuilder.Account;
import org.qontinui.runner.core.webbuilder.WebBuilderClient;
import org.qontinui.runner.core.webbuilder.WebBuilderException;
import org.qontinui.runner.webbuilder.SignInPrompt;
import org.qontinui.runner.webbuilder.WebBuilderConnection;

/**
 * Signs in to the web builder: base URL and token. "Sign in" checks the pair with
 * {@code GET /me} in a job and shows the account or the exact error; only a checked sign-in is
 * stored (URL in the preferences, token in the connection's token store, i.e. secure storage).
 */
public class SignInDialog extends TitleAreaDialog {

	/** The workbench's prompt: this dialog. */
	public static final SignInPrompt PROMPT = (shell, reason) -> new SignInDialog(shell, WebBuilderConnection.getDefault(),
			reason).open() == OK;

	private final WebBuilderConnection connection;
	private final String reason;
	private Text url;
	private Text token;
	private Job check;
	private boolean signedIn;

	/** @param reason why signing in is asked for, shown as the first message; may be null */
	public SignInDialog(Shell parent, WebBuilderConnection connection, String reason) {
		super(parent);
		this.connection = connection;
		this.reason = reason;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.SignInDialog_title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.SignInDialog_title);
		if (reason != null && !reason.isBlank()) {
			setMessage(reason, IMessageProvider.WARNING);
		} else {
			setMessage(Messages.SignInDialog_message);
		}
		Composite fields = new Composite(area, SWT.NONE);
		fields.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		fields.setLayout(new GridLayout(2, false));

		new Label(fields, SWT.NONE).setText(Messages.SignInDialog_url);
		url = new Text(fields, SWT.BORDER);
		url.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		url.setText(connection.getUrl());
		url.setMessage("https://builder.qontinui.io"); //$NON-NLS-1$

		new Label(fields, SWT.NONE).setText(Messages.SignInDialog_token);
		token = new Text(fields, SWT.BORDER | SWT.PASSWORD);
		GridData tokenData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		tokenData.widthHint = convertWidthInCharsToPixels(50);
		token.setLayoutData(tokenData);
		token.setMessage(connection.hasToken() ? Messages.SignInDialog_tokenStored : ""); //$NON-NLS-1$

		Label note = new Label(fields, SWT.WRAP);
		note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		note.setText(Messages.SignInDialog_note);
		(url.getText().isBlank() ? url : token).setFocus();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.SignInDialog_signIn, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		if (signedIn) {
			super.okPressed();
		} else {
			signIn();
		}
	}

	@Override
	public boolean close() {
		if (check != null) {
			check.cancel();
		}
		return super.close();
	}

	/** Checks the entered URL and token against the server in a job; stores them when they work. */
	public void signIn() {
		String enteredUrl = url.getText().trim();
		String enteredToken = token.getText().trim();
		boolean keepStoredToken = enteredToken.isEmpty() && connection.hasToken()
				&& enteredUrl.equals(connection.getUrl().trim());
		if (enteredToken.isEmpty() && !keepStoredToken) {
			setErrorMessage(Messages.SignInDialog_enterToken);
			return;
		}
		// Checked before it goes near an HTTP header: the JDK would quote a bad value in its exception.
		String problem = keepStoredToken ? null : TokenFormat.problem(enteredToken);
		if (problem != null) {
			setErrorMessage(NLS.bind(Messages.SignInDialog_badToken, problem));
			return;
		}
		WebBuilderClient client;
		try {
			client = keepStoredToken ? connection.createClient(enteredUrl, connection.getTokenStore())
					: connection.createClient(enteredUrl, new InMemoryTokenStore(enteredToken));
		} catch (IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return;
		}
		setErrorMessage(null);
		setMessage(NLS.bind(Messages.SignInDialog_checking, enteredUrl));
		getButton(IDialogConstants.OK_ID).setEnabled(false);
		Shell shell = getShell();
		check = Job.create(Messages.SignInDialog_checkingJob, monitor -> {
			Account account = null;
			WebBuilderException failure = null;
			try {
				account = client.whoAmI();
			} catch (WebBuilderException e) {
				failure = e;
			}
			Account result = account;
			WebBuilderException error = failure;
			if (!shell.isDisposed()) {
				shell.getDisplay().asyncExec(() -> checked(enteredUrl, keepStoredToken ? null : enteredToken, result, error));
			}
			return Status.OK_STATUS;
		});
		check.setSystem(true);
		check.schedule();
	}

	/** @param newToken null to keep the stored token */
	private void checked(String checkedUrl, String newToken, Account account, WebBuilderException error) {
		if (getShell() == null || getShell().isDisposed()) {
			return;
		}
		Button button = getButton(IDialogConstants.OK_ID);
		button.setEnabled(true);
		if (error != null) {
			setMessage(null);
			setErrorMessage(error.getMessage());
			return;
		}
		try {
			if (newToken == null) {
				connection.signIn(checkedUrl, connection.getTokenStore().read().orElseThrow());
			} else {
				connection.signIn(checkedUrl, newToken);
			}
		} catch (RuntimeException e) {
			setErrorMessage(e.getMessage());
			return;
		}
		signedIn = true;
		token.setText(""); //$NON-NLS-1$
		setErrorMessage(null);
		setMessage(NLS.bind(Messages.SignInDialog_signedIn, describe(account)), IMessageProvider.INFORMATION);
		button.setText(IDialogConstants.CLOSE_LABEL);
		button.getParent().layout(true);
	}

	/** "Ada Lovelace (ada@example.com)", or whatever part the server sent. */
	static String describe(Account account) {
		String name = account.name() != null ? account.name() : account.id() != null ? account.id() : Messages.SignInDialog_unnamed;
		return account.email() == null || account.email().equals(name) ? name : name + " (" + account.email() + ")"; //$NON-NLS-1$//$NON-NLS-2$
	}

	/** True once the entered sign-in was checked and stored. */
	public boolean isSignedIn() {
		return signedIn;
	}

	/** The URL field; for tests. */
	public Text getUrlField() {
		return url;
	}

	/** The token field; for tests. */
	public Text getTokenField() {
		return token;
	}
}
