package com.cogov.api.web;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.text.MultiLine;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body the way the binding should, before it does, and refuses what the binding would quietly
 * turn into something else: a number or boolean where text is declared (it would become text), text or a boolean or a
 * fraction where a whole number is declared (1.5 would become 1, true 1), anything after the JSON value, bytes that are
 * not UTF-8, and control characters in text (NUL, ESC, DEL, C1, lone surrogates, bidirectional overrides; line breaks
 * and tabs only in fields marked {@link MultiLine}). The body's declared type is walked with the JSON, so every refusal
 * names the field by its JSON path ({@code items[0].quantity}). Unknown fields are still checked for control characters.
 * A value's own rules (sizes, patterns, ranges) stay with bean validation.
 */
final class StrictJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // {"quantity":1,"quantity":50} is not one sale
            .build();
    /** A field name the answer may repeat; any other unknown name is shown as "?". */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private static final Set<Class<?>> TEXT_LIKE = Set.of(
            String.class, CharSequence.class, UUID.class, URI.class, java.util.Locale.class, java.time.ZoneId.class);

    private StrictJson() {}

    /** @throws CogovException MALFORMED_REQUEST (shape, type, encoding) or VALIDATION_FAILED (characters), naming the field */
    static void check(byte[] body, Argument<?> declared) {
        String text = utf8(body);
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return; // no JSON value at all: the binding says what is missing
            }
            value(parser, first, declared, "", false);
            trailing(parser);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input: not repeated to the caller.
            throw malformed("请求内容不是有效的 JSON");
        } catch (IOException e) {
            throw malformed("请求内容无法读取");
        }
    }

    /** Only white space may follow the value: a second value, a comma or any other text is refused alike. */
    private static void trailing(JsonParser parser) throws IOException {
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            more = true;
        }
        if (more) {
            throw malformed("JSON 内容之后还有多余的字符，请只发送一个 JSON 值");
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("请求内容不是有效的 UTF-8 文本，请以 UTF-8 编码发送");
        }
    }

    private static void value(JsonParser p, JsonToken token, Argument<?> type, String path, boolean multiLine)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return; // whether it may be missing is for validation (@NotNull) to say
        }
        Class<?> c = type.getType();
        if (c == Optional.class) {
            value(p, token, firstParameter(type), path, multiLine);
        } else if (TEXT_LIKE.contains(c) || c.isEnum() || c.getName().startsWith("java.time.")) {
            expect(token == JsonToken.VALUE_STRING, path, "应为文本（带引号的字符串）");
            text(p.getText(), path, multiLine);
        } else if (c == char.class || c == Character.class) {
            expect(token == JsonToken.VALUE_STRING, path, "应为单个字符");
            text(p.getText(), path, multiLine);
        } else if (isWhole(c)) {
            expect(token != JsonToken.VALUE_NUMBER_FLOAT, path, "应为整数，不能带小数");
            expect(token == JsonToken.VALUE_NUMBER_INT, path, "应为整数（不带引号的数字）");
            expect(fits(p, c), path, "超出允许的范围");
        } else if (c == double.class
                || c == Double.class
                || c == float.class
                || c == Float.class
                || c == BigDecimal.class
                || c == Number.class) {
            expect(token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT, path, "应为数字（不带引号）");
        } else if (c == boolean.class || c == Boolean.class) {
            expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, path, "应为 true 或 false");
        } else if (c.isArray() && c != byte[].class) {
            array(p, token, Argument.of(c.getComponentType()), path);
        } else if (Iterable.class.isAssignableFrom(c)) {
            array(p, token, firstParameter(type), path);
        } else if (Map.class.isAssignableFrom(c)) {
            expect(token == JsonToken.START_OBJECT, path, "应为对象（{...}）");
            Argument<?>[] parameters = type.getTypeParameters();
            Argument<?> values = parameters.length == 2 ? parameters[1] : Argument.OBJECT_ARGUMENT;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = key(p, path);
                value(p, p.nextToken(), values, child(path, key), false);
            }
        } else {
            Optional<BeanIntrospection<Object>> bean = introspection(c);
            if (bean.isPresent()) {
                expect(token == JsonToken.START_OBJECT, path, "应为对象（{...}）");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = key(p, path);
                    Optional<BeanProperty<Object, Object>> property = bean.get().getProperty(key);
                    JsonToken next = p.nextToken();
                    if (property.isPresent()) {
                        value(p, next, property.get().asArgument(), child(path, key), isMultiLine(property.get()));
                    } else {
                        anything(p, next, child(path, key)); // ignored by the binding; its text is checked all the same
                    }
                }
            } else {
                anything(p, token, path);
            }
        }
    }

    private static void array(JsonParser p, JsonToken token, Argument<?> elements, String path) throws IOException {
        expect(token == JsonToken.START_ARRAY, path, "应为列表（[...]）");
        int index = 0;
        for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
            value(p, next, elements, path + "[" + index++ + "]", false);
        }
    }

    /** A value of no declared type: any shape, with its text checked. */
    private static void anything(JsonParser p, JsonToken token, String path) throws IOException {
        switch (token) {
            case VALUE_STRING -> text(p.getText(), path, false);
            case START_ARRAY -> array(p, token, Argument.OBJECT_ARGUMENT, path);
            case START_OBJECT -> {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = key(p, path);
                    anything(p, p.nextToken(), child(path, key));
                }
            }
            default -> {
                // numbers, booleans, null
            }
        }
    }

    private static String key(JsonParser p, String path) throws IOException {
        String key = p.currentName();
        if (firstForbidden(key, false) >= 0) {
            throw malformed("请求内容中有字段名含有控制字符" + (path.isEmpty() ? "" : "（在 " + path + " 中）"));
        }
        return key;
    }

    private static void text(String value, String path, boolean multiLine) {
        int at = firstForbidden(value, multiLine);
        if (at >= 0) {
            String message = "含有控制字符或不可见的格式字符（第 " + (value.codePointCount(0, at) + 1) + " 个字符）"
                    + (multiLine ? "" : "，此处也不能换行") + "，请删除后重新输入";
            String field = field(path);
            throw new CogovException(
                    ErrorCode.VALIDATION_FAILED,
                    "字段 " + field + " " + message,
                    List.of(new Problem.FieldError(field, message)));
        }
    }

    /**
     * The index of the first character no typed text holds: C0 controls (tab, line feed and carriage return only in a
     * multi-line field), DEL, C1 controls, half of a surrogate pair on its own, and the bidirectional embedding,
     * override and isolate controls, which reorder what a reader of the record (an inspector, the audit trail) sees.
     */
    static int firstForbidden(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20) {
                if (!(multiLine && (ch == '\n' || ch == '\r' || ch == '\t'))) {
                    return i;
                }
            } else if (ch >= 0x7F && ch <= 0x9F) {
                return i;
            } else if (Character.isHighSurrogate(ch)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(ch)) {
                return i;
            } else if ((ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069')) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWhole(Class<?> c) {
        return c == int.class
                || c == Integer.class
                || c == long.class
                || c == Long.class
                || c == short.class
                || c == Short.class
                || c == byte.class
                || c == Byte.class
                || c == BigInteger.class;
    }

    private static boolean fits(JsonParser p, Class<?> c) throws IOException {
        JsonParser.NumberType type = p.getNumberType();
        if (c == BigInteger.class) {
            return true;
        }
        if (c == long.class || c == Long.class) {
            return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
        }
        if (type != JsonParser.NumberType.INT) {
            return false;
        }
        int value = p.getIntValue();
        if (c == short.class || c == Short.class) {
            return value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
        }
        if (c == byte.class || c == Byte.class) {
            return value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
        }
        return true;
    }

    private static boolean isMultiLine(AnnotationMetadata property) {
        return property.hasAnnotation(MultiLine.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<BeanIntrospection<Object>> introspection(Class<?> c) {
        if (c == Object.class || c.isPrimitive() || c.getName().startsWith("java.")) {
            return Optional.empty();
        }
        return (Optional) BeanIntrospector.SHARED.findIntrospection(c);
    }

    private static Argument<?> firstParameter(Argument<?> type) {
        Argument<?>[] parameters = type.getTypeParameters();
        return parameters.length > 0 ? parameters[0] : Argument.OBJECT_ARGUMENT;
    }

    private static String child(String path, String key) {
        String name = PLAIN_NAME.matcher(key).matches() ? key : "?";
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String field(String path) {
        return path.isEmpty() ? "body" : path;
    }

    private static void expect(boolean holds, String path, String message) {
        if (!holds) {
            String field = field(path);
            throw new CogovException(
                    ErrorCode.MALFORMED_REQUEST,
                    "字段 " + field + " " + message,
                    List.of(new Problem.FieldError(field, message)));
        }
    }

    private static CogovException malformed(String detail) {
        return new CogovException(ErrorCode.MALFORMED_REQUEST, detail);
    }
}
