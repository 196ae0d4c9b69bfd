/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.secure;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.EnumSet;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

/**
 * Folders only the current user can read or write (0700), for downloaded configurations and queued
 * uploads: in a folder another user can write, that user could plant an "offline copy" of a
 * configuration, or read run results. A folder owned by someone else, or a symbolic link, is
 * refused rather than used; one of ours that is too open is closed.
 */
public final class PrivateFolder {

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private PrivateFolder() {
	}

	/**
	 * Creates {@code folder} (and missing parents) owner-only, or checks the existing one.
	 *
	 * @return {@code folder}
	 * @throws IOException naming the folder and what is wrong with it
	 */
	public static Path ensure(Path folder) throws IOException {
		if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
			Path parent = folder.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try {
				if (isPosix(folder)) {
					Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
				} else {
					Files.createDirectory(folder);
				}
			} catch (FileAlreadyExistsException e) {
				// Created meanwhile: checked below like any existing folder.
			}
		}
		check(folder);
		return folder;
	}

	/**
	 * Checks an existing folder without creating it: a real directory, owned by the current user,
	 * and (on POSIX systems) closed to group and others, closing it when it is ours.
	 */
	public static void check(Path folder) throws IOException {
		if (Files.isSymbolicLink(folder)) {
			throw new IOException(NLS.bind(Messages.PrivateFolder_symbolicLink, folder));
		}
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			throw new IOException(NLS.bind(Messages.PrivateFolder_notFolder, folder));
		}
		if (!isPosix(folder)) {
			return;
		}
		PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		UserPrincipal me = currentUser();
		if (me != null && !attributes.owner().equals(me)) {
			throw new IOException(
					NLS.bind(Messages.PrivateFolder_otherOwner, new Object[] { folder, attributes.owner().getName(), me.getName() }));
		}
		if (!attributes.permissions().equals(OWNER_ONLY)) {
			Files.setPosixFilePermissions(folder, OWNER_ONLY);
		}
	}

	/** {@code $XDG_CACHE_HOME/qontinui-runner/<name>}, else {@code ~/.cache/qontinui-runner/<name>}. */
	public static Path userCacheFolder(String name) {
		String xdg = System.getenv("XDG_CACHE_HOME"); //$NON-NLS-1$
		Path base = xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute() ? Paths.get(xdg)
				: Paths.get(System.getProperty("user.home"), ".cache"); //$NON-NLS-1$//$NON-NLS-2$
		return base.resolve("qontinui-runner").resolve(name); //$NON-NLS-1$
	}

	private static boolean isPosix(Path folder) {
		return folder.getFileSystem().supportedFileAttributeViews().contains("posix"); //$NON-NLS-1$
	}

	private static UserPrincipal currentUser() throws IOException {
		String name = System.getProperty("user.name"); //$NON-NLS-1$
		if (name == null) {
			return null;
		}
		try {
			return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
		} catch (UserPrincipalNotFoundException e) {
			return null;
		}
	}
}
