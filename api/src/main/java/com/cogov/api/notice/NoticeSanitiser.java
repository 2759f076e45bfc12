package com.cogov.api.notice;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * A notice's rich text, cleaned on the way in (docs/notices.md): what is stored is what every reader is served, so a
 * body is cleaned once, against an allow-list, never escaped on the way out. Kept: paragraphs, headings, lists,
 * tables, emphasis and links to http(s) or mail addresses (each given {@code rel="noopener"}); images only from this
 * platform's own notice attachments. Everything else goes: scripts and styles, event handlers, {@code javascript:}
 * and other schemes, inline styles and {@code hidden} (they can hide text from a reader), forms, frames, objects.
 * The allow-list is the defence; the vectors of the OWASP XSS filter evasion cheat sheet test it
 * ({@code NoticeSanitiserTest}).
 */
final class NoticeSanitiser {

    /**
     * Our own files: a notice attachment's route in either app, relative to the site, with nothing after the id.
     * Readers' pages rewrite neither host nor scheme, so nothing outside this platform can be loaded.
     */
    static final Pattern OWN_IMAGE =
            Pattern.compile("/(?:portal/v1/public|mp/v1)/notices/\\d{1,19}/attachments/[A-Za-z0-9_-]{16,64}");

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")
            .addTags("ul", "ol", "li", "dl", "dt", "dd")
            .addTags("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col")
            .addTags("strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "code")
            .addTags("a", "img")
            .addAttributes("a", "href", "title")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener")
            .addAttributes("img", "src", "alt", "width", "height")
            .addAttributes("ol", "start")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("col", "span")
            .addAttributes("colgroup", "span");

    private NoticeSanitiser() {}

    /**
     * @return the body as it is stored and served
     * @throws NoticeRefusedException NOTICE_BODY_EMPTY when nothing a reader could see is left
     */
    static String clean(String html) {
        Document clean = new Cleaner(ALLOWED).clean(Jsoup.parseBodyFragment(html));
        // img src has no protocol list in the allow-list (ours are site-relative): checked here instead
        for (Element image : clean.body().select("img")) {
            if (!OWN_IMAGE.matcher(image.attr("src")).matches()) {
                image.remove();
            }
        }
        if (clean.body().text().isBlank() && clean.body().select("img").isEmpty()) {
            throw NoticeRefusedException.bodyEmpty();
        }
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        return clean.body().html();
    }

    /** The first characters of the body's text, for a notification or a list (no markup). */
    static String excerpt(String cleanHtml, int maxLength) {
        String text = Jsoup.parseBodyFragment(cleanHtml).text().strip();
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }
}
