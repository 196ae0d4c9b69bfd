/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.internal.json;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.config.ConfigElement;
import org.qontinui.runner.core.config.Transition;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

/**
 * The one {@link ObjectMapper} configured for the configuration model: fields only (the model's
 * public accessors are not JSON properties; its transient fields are not properties either), nulls
 * left out (absent stays absent), and each property written under the spelling it was read with.
 * The model itself is plain Java: how it binds (other properties, the transition class) is
 * configured here, with {@link ConfigElementMixIn} and {@link TransitionDeserializer}.
 */
public final class ConfigJsonMapper {

	/** Context attribute holding a {@code List<TypeProblem>} to collect values of the wrong type. */
	public static final String PROBLEMS = ConfigJsonMapper.class.getName() + ".problems"; //$NON-NLS-1$

	/** Context attribute: pointer of the sub-tree being read by a nested reader (transitions). */
	static final String POINTER_PREFIX = ConfigJsonMapper.class.getName() + ".prefix"; //$NON-NLS-1$

	/** A value that did not fit the model (kept as {@code null}); pointer into the tree. */
	public record TypeProblem(String pointer, String message) {
	}

	private static final ObjectMapper MAPPER = create();

	private ConfigJsonMapper() {
	}

	public static ObjectMapper get() {
		return MAPPER;
	}

	/** Sets one property of {@code element} from a tree value, as if read under its canonical name. */
	private static void readInto(ConfigElement element, String property, JsonNode value) {
		ObjectNode holder = MAPPER.createObjectNode();
		holder.set(property, value);
		try {
			MAPPER.readerForUpdating(element).readValue(holder);
		} catch (IOException e) {
			// Wrong type under an alias: keep the value instead of losing it.
			element.setOtherProperty(property, value);
		}
	}

	private static ObjectMapper create() {
		ObjectMapper mapper = new ObjectMapper();
		mapper.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
		mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
		mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
		mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
		mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
		SimpleModule module = new SimpleModule("qontinui-config"); //$NON-NLS-1$
		module.setMixInAnnotation(ConfigElement.class, ConfigElementMixIn.class);
		module.addDeserializer(Transition.class, new TransitionDeserializer());
		module.setSerializerModifier(new BeanSerializerModifier() {
			private static final long serialVersionUID = 1L;

			@Override
			public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
					List<BeanPropertyWriter> writers) {
				if (!ConfigElement.class.isAssignableFrom(description.getBeanClass())) {
					return writers;
				}
				writers.replaceAll(SpellingPreservingWriter::new);
				return writers;
			}
		});
		mapper.registerModule(module);
		mapper.addHandler(new TypeProblemHandler());
		mapper.addHandler(new OtherPropertyHandler());
		return mapper;
	}

	/**
	 * Hands a key the element has no property for to {@link ConfigElement#readOtherProperty}: an
	 * alternative spelling is bound to its property, anything else kept as other property. (The
	 * model has no any-setter, so every such key comes here; a model field that is not a JSON
	 * property is {@code transient}, never {@code @JsonIgnore}, which would drop a key of its name.)
	 */
	private static final class OtherPropertyHandler extends DeserializationProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
			if (!(beanOrClass instanceof ConfigElement element)) {
				return false;
			}
			JsonNode value = context.readTree(parser);
			element.readOtherProperty(propertyName, value, (property, propertyValue) -> readInto(element, property,
					propertyValue));
			return true;
		}
	}

	/** Writes a property under the key the element was read with (e.g. {@code is_initial}). */
	private static final class SpellingPreservingWriter extends BeanPropertyWriter {
		private static final long serialVersionUID = 1L;
		private final transient Map<String, BeanPropertyWriter> renamed = new ConcurrentHashMap<>();

		SpellingPreservingWriter(BeanPropertyWriter base) {
			super(base);
		}

		@Override
		public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider) throws Exception {
			String key = ((ConfigElement) bean).spellingOf(getName());
			if (key.equals(getName())) {
				super.serializeAsField(bean, generator, provider);
			} else {
				renamed.computeIfAbsent(key, name -> new Renamed(this, name)).serializeAsField(bean, generator, provider);
			}
		}
	}

	private static final class Renamed extends BeanPropertyWriter {
		private static final long serialVersionUID = 1L;

		Renamed(BeanPropertyWriter base, String name) {
			super(base, PropertyName.construct(name));
		}
	}

	/**
	 * Keeps reading when a value has the wrong JSON type (e.g. {@code "isInitial": "yes"}): the
	 * property stays null and the problem is reported instead of failing the whole configuration.
	 */
	private static final class TypeProblemHandler extends DeserializationProblemHandler {

		@Override
		public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
				JsonParser parser, String failureMessage) throws IOException {
			if (!record(context, parser, NLS.bind(Messages.ConfigJsonMapper_expectedFound, describe(targetType), describe(token)))) {
				return NOT_HANDLED;
			}
			parser.skipChildren();
			return null;
		}

		@Override
		public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
				String failureMessage) throws IOException {
			return record(context, context.getParser(),
					NLS.bind(Messages.ConfigJsonMapper_expectedFoundText, describe(context.constructType(targetType)), value))
							? null : NOT_HANDLED;
		}

		@Override
		public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
				String failureMessage) throws IOException {
			return record(context, context.getParser(),
					NLS.bind(Messages.ConfigJsonMapper_expectedFoundNumber, describe(context.constructType(targetType)), value))
							? null : NOT_HANDLED;
		}

		@SuppressWarnings("unchecked")
		private static boolean record(DeserializationContext context, JsonParser parser, String message) {
			Object problems = context.getAttribute(PROBLEMS);
			if (!(problems instanceof List<?>)) {
				return false;
			}
			Object prefix = context.getAttribute(POINTER_PREFIX);
			String pointer = (prefix == null ? "" : prefix) //$NON-NLS-1$
					+ (parser == null ? "" : parser.getParsingContext().pathAsPointer().toString()); //$NON-NLS-1$
			((List<TypeProblem>) problems).add(new TypeProblem(pointer, message));
			return true;
		}

		private static String describe(JavaType type) {
			if (type.isCollectionLikeType()) {
				return Messages.ConfigJsonMapper_list;
			}
			Class<?> raw = type.getRawClass();
			if (raw == Boolean.class || raw == boolean.class) {
				return Messages.ConfigJsonMapper_trueOrFalse;
			}
			if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
				return Messages.ConfigJsonMapper_number;
			}
			if (raw == String.class) {
				return Messages.ConfigJsonMapper_text;
			}
			return Messages.ConfigJsonMapper_object;
		}

		private static String describe(JsonToken token) {
			if (token == null) {
				return Messages.ConfigJsonMapper_nothing;
			}
			return switch (token) {
			case START_ARRAY -> Messages.ConfigJsonMapper_list;
			case START_OBJECT -> Messages.ConfigJsonMapper_object;
			case VALUE_STRING -> Messages.ConfigJsonMapper_text;
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Messages.ConfigJsonMapper_number;
			case VALUE_TRUE, VALUE_FALSE -> Messages.ConfigJsonMapper_boolean;
			case VALUE_NULL -> "null"; //$NON-NLS-1$
			default -> token.asString();
			};
		}
	}
}
