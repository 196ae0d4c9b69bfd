/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.osgi.util.ManifestElement;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;
import org.qontinui.runner.core.config.ConfigElement;

/**
 * The API of {@code org.qontinui.runner.core} (the packages its manifest exports that are not
 * {@code x-internal}, friends' packages included) does not mention internal types: no public or
 * protected field, method or constructor of a public type, no supertype and no annotation (values
 * included) names a type of a package with {@code internal} in its name. Internal classes may be
 * used in method bodies; the configuration model is a plain model and uses none at all.
 */
public class ApiDoesNotExposeInternalTest {

	private static final String MODEL_PACKAGE = "org.qontinui.runner.core.config";

	private final Bundle core = FrameworkUtil.getBundle(ConfigElement.class);

	@Test
	void apiSignaturesDoNotMentionInternalTypes() throws Exception {
		List<String> packages = apiPackages();
		assertTrue(packages.contains(MODEL_PACKAGE), () -> "API packages read from the manifest: " + packages);
		Set<String> problems = new TreeSet<>();
		int checked = 0;
		for (Class<?> type : classesOf(packages)) {
			if (isApi(type)) {
				check(type, problems);
				checked++;
			}
		}
		assertTrue(checked > 40, "only " + checked + " API types found");
		assertEquals("", String.join("\n", problems), "API that mentions internal types");
	}

	/** The model is read and written by internal code (Jackson mix-ins, deserializers), never the reverse. */
	@Test
	void modelDoesNotReferToInternalCode() throws Exception {
		List<String> problems = new ArrayList<>();
		for (Class<?> type : classesOf(List.of(MODEL_PACKAGE))) {
			String resource = type.getName().replace('.', '/') + ".class";
			try (InputStream in = core.getResource(resource).openStream()) {
				// Every reference of a class file (constant pool, signatures, annotations) names the class.
				String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
				if (classFile.contains("org/qontinui/runner/core/internal/")) {
					problems.add(type.getName());
				}
			}
		}
		assertEquals(List.of(), problems, "model classes referring to org.qontinui.runner.core.internal");
	}

	/** Exported packages that are neither {@code x-internal} nor named internal, from the manifest. */
	private List<String> apiPackages() throws BundleException {
		String exports = core.getHeaders("").get(Constants.EXPORT_PACKAGE);
		List<String> packages = new ArrayList<>();
		for (ManifestElement export : ManifestElement.parseHeader(Constants.EXPORT_PACKAGE, exports)) {
			if ("true".equals(export.getDirective("x-internal"))) {
				continue;
			}
			for (String name : export.getValueComponents()) {
				if (!isInternal(name)) {
					packages.add(name);
				}
			}
		}
		return packages;
	}

	private List<Class<?>> classesOf(List<String> packages) throws ClassNotFoundException {
		BundleWiring wiring = core.adapt(BundleWiring.class);
		List<Class<?>> classes = new ArrayList<>();
		for (String name : packages) {
			Collection<String> resources = wiring.listResources("/" + name.replace('.', '/'), "*.class",
					BundleWiring.LISTRESOURCES_LOCAL);
			for (String resource : resources) {
				String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
				classes.add(core.loadClass(className));
			}
		}
		return classes;
	}

	private static boolean isInternal(String packageName) {
		return ("." + packageName + ".").contains(".internal.");
	}

	private static boolean isInternal(Class<?> type) {
		while (type.isArray()) {
			type = type.getComponentType();
		}
		return !type.isPrimitive() && isInternal(type.getPackageName());
	}

	/** Public, or a protected member of an API type; not anonymous, local or synthetic. */
	private static boolean isApi(Class<?> type) {
		if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
			return false;
		}
		int modifiers = type.getModifiers();
		Class<?> enclosing = type.getDeclaringClass();
		if (enclosing == null) {
			return Modifier.isPublic(modifiers);
		}
		return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && isApi(enclosing);
	}

	private static boolean isApi(Member member) {
		return !member.isSynthetic() && (Modifier.isPublic(member.getModifiers())
				|| Modifier.isProtected(member.getModifiers()) && !Modifier.isFinal(member.getDeclaringClass().getModifiers()));
	}

	private void check(Class<?> type, Set<String> problems) {
		String name = type.getName();
		new Mentions(name + ": annotation", problems).annotations(type);
		new Mentions(name + ": type parameter", problems).typeParameters(type);
		for (Class<?> supertype : supertypes(type)) {
			if (isInternal(supertype)) {
				problems.add(name + ": supertype " + supertype.getName());
			}
		}
		new Mentions(name + ": supertype", problems).type(type.getGenericSuperclass());
		for (Type supertype : type.getGenericInterfaces()) {
			new Mentions(name + ": supertype", problems).type(supertype);
		}
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				new Mentions(name + ": permitted subclass", problems).type(permitted);
			}
		}
		// Members inherited from the bundle's own non-API superclasses are API of this type too.
		for (Class<?> declaring = type; declaring != null && declaring.getClassLoader() == type.getClassLoader()
				&& !isInternal(declaring); declaring = declaring.getSuperclass()) {
			for (Field field : declaring.getDeclaredFields()) {
				if (isApi(field)) {
					Mentions mentions = new Mentions(name + "." + field.getName(), problems);
					mentions.annotations(field);
					mentions.type(field.getGenericType());
				}
			}
			for (Constructor<?> constructor : declaring.getDeclaredConstructors()) {
				if (declaring == type && isApi(constructor)) {
					executable(new Mentions(name + ".<init>" + parameters(constructor), problems), constructor);
				}
			}
			for (Method method : declaring.getDeclaredMethods()) {
				if (isApi(method) && !method.isBridge()) {
					Mentions mentions = new Mentions(name + "." + method.getName() + parameters(method), problems);
					executable(mentions, method);
					mentions.type(method.getGenericReturnType());
					mentions.value(method.getDefaultValue());
				}
			}
		}
	}

	private static void executable(Mentions mentions, Executable executable) {
		mentions.annotations(executable);
		mentions.typeParameters(executable);
		for (Type parameter : executable.getGenericParameterTypes()) {
			mentions.type(parameter);
		}
		for (Type exception : executable.getGenericExceptionTypes()) {
			mentions.type(exception);
		}
		for (Annotation[] annotations : executable.getParameterAnnotations()) {
			for (Annotation annotation : annotations) {
				mentions.annotation(annotation);
			}
		}
	}

	private static String parameters(Executable executable) {
		List<String> names = new ArrayList<>();
		for (Class<?> parameter : executable.getParameterTypes()) {
			names.add(parameter.getSimpleName());
		}
		return "(" + String.join(", ", names) + ")";
	}

	private static Set<Class<?>> supertypes(Class<?> type) {
		Set<Class<?>> all = new HashSet<>();
		List<Class<?>> pending = new ArrayList<>(List.of(type));
		while (!pending.isEmpty()) {
			Class<?> next = pending.remove(pending.size() - 1);
			if (next.getSuperclass() != null && all.add(next.getSuperclass())) {
				pending.add(next.getSuperclass());
			}
			for (Class<?> implemented : next.getInterfaces()) {
				if (all.add(implemented)) {
					pending.add(implemented);
				}
			}
		}
		return all;
	}

	/** Reports internal types found in the types, annotations and values of one declaration. */
	private static final class Mentions {
		private final String where;
		private final Set<String> problems;
		private final Set<Object> seen = new HashSet<>();

		Mentions(String where, Set<String> problems) {
			this.where = where;
			this.problems = problems;
		}

		void type(Type type) {
			if (type == null || !seen.add(type)) {
				return;
			}
			if (type instanceof Class<?> raw) {
				if (isInternal(raw)) {
					problems.add(where + " mentions " + raw.getName());
				}
			} else if (type instanceof ParameterizedType parameterized) {
				type(parameterized.getOwnerType());
				type(parameterized.getRawType());
				for (Type argument : parameterized.getActualTypeArguments()) {
					type(argument);
				}
			} else if (type instanceof WildcardType wildcard) {
				for (Type bound : wildcard.getUpperBounds()) {
					type(bound);
				}
				for (Type bound : wildcard.getLowerBounds()) {
					type(bound);
				}
			} else if (type instanceof GenericArrayType array) {
				type(array.getGenericComponentType());
			} else if (type instanceof TypeVariable<?> variable) {
				for (Type bound : variable.getBounds()) {
					type(bound);
				}
			}
		}

		void typeParameters(GenericDeclaration declaration) {
			for (TypeVariable<?> variable : declaration.getTypeParameters()) {
				type(variable);
			}
		}

		void annotations(AnnotatedElement element) {
			for (Annotation annotation : element.getDeclaredAnnotations()) {
				annotation(annotation);
			}
		}

		void annotation(Annotation annotation) {
			type(annotation.annotationType());
			Class<? extends Annotation> annotationType = annotation.annotationType();
			for (Method element : annotationType.getDeclaredMethods()) {
				if (element.getParameterCount() != 0 || Modifier.isStatic(element.getModifiers())) {
					continue;
				}
				try {
					if (!Modifier.isPublic(annotationType.getModifiers())) {
						element.setAccessible(true);
					}
					value(element.invoke(annotation));
				} catch (ReflectiveOperationException | RuntimeException e) {
					problems.add(where + ": cannot read " + annotationType.getName() + "." + element.getName() + " ("
							+ e + ")");
				}
			}
		}

		/** An annotation value: a class, enum constant, annotation, array of these, or a constant. */
		void value(Object value) {
			if (value instanceof Class<?> type) {
				type(type);
			} else if (value instanceof Enum<?> constant) {
				type(constant.getDeclaringClass());
			} else if (value instanceof Annotation annotation) {
				annotation(annotation);
			} else if (value instanceof Object[] array) {
				for (Object element : array) {
					value(element);
				}
			}
		}
	}
}
