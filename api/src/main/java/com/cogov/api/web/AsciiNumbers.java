package com.cogov.api.web;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.MutableConversionService;
import io.micronaut.core.convert.TypeConverterRegistrar;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whole numbers in a path or a query (ids, pages, sizes) are ASCII digits only. The JDK's parser, which the framework
 * uses, reads any script's digits, so {@code /portal/v1/accounts/１} (a full-width one) opened account 1: a second
 * spelling of every id, past any filter or log search that looks for the first. Another spelling is 400.
 */
@Singleton
class AsciiNumbers implements TypeConverterRegistrar {

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");

    @Override
    public void register(MutableConversionService conversions) {
        conversions.addConverter(
                CharSequence.class,
                Long.class,
                (text, type, context) -> parse(text, context).map(Long::valueOf));
        conversions.addConverter(
                CharSequence.class,
                Integer.class,
                (text, type, context) -> parse(text, context)
                        .filter(value ->
                                value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE || reject(text, context))
                        .map(Long::intValue));
    }

    private static Optional<Long> parse(CharSequence text, ConversionContext context) {
        String value = text.toString();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!WHOLE.matcher(value).matches()) {
            reject(text, context);
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            context.reject(text, e);
            return Optional.empty();
        }
    }

    private static boolean reject(CharSequence text, ConversionContext context) {
        context.reject(text, new NumberFormatException("只接受半角数字 0-9"));
        return false;
    }
}
