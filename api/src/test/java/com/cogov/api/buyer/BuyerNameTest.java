package com.cogov.api.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuyerNameTest {

    static Stream<Arguments> acceptedNames() {
        return Stream.of(
                arguments("王", "王"),
                arguments("  欧阳晓明  ", "欧阳晓明"),
                arguments("买买提·艾力", "买买提·艾力"),
                arguments("John  Smith", "John Smith"),
                arguments("Anne-Marie O'Neil", "Anne-Marie O'Neil"),
                arguments("J. R. R. Tolkien Jr.", "J. R. R. Tolkien Jr."),
                arguments("阿依古丽•买买提", "阿依古丽•买买提"),
                arguments("李\u3000娜", "李 娜"),
                arguments("𠮷野家", "𠮷野家"), // a supplementary-plane character counts as one
                arguments("A".repeat(39) + "𠮷", "A".repeat(39) + "𠮷"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("acceptedNames")
    void acceptsNamesAsPeopleWriteThemTrimmedWithSpacesCollapsed(String typed, String recorded) {
        assertThat(BuyerName.parse(typed)).isEqualTo(recorded);
    }

    static Stream<Arguments> refusedNames() {
        return Stream.of(
                arguments("missing", null, "请输入购买人姓名"),
                arguments("empty", "", "请输入购买人姓名"),
                arguments("blank", " \u3000 ", "请输入购买人姓名"),
                arguments("41 characters", "A".repeat(41), "不能超过40个字"),
                arguments("an ID number in the name field", "110105194912310", "不能包含数字"),
                arguments("a digit inside", "张3", "不能包含数字"),
                arguments("a full-width digit", "张３", "不能包含数字"),
                arguments("a control character", "张\u0007三", "无法显示的字符"),
                arguments("a zero-width space", "张\u200B三", "无法显示的字符"),
                arguments("a right-to-left override", "张\u202E三", "无法显示的字符"),
                arguments("a broken surrogate pair", "张\uD842三", "无法显示的字符"),
                arguments("an emoji", "张三😀", "不能有表情"),
                arguments("a path", "../../etc/passwd", "斜杠"),
                arguments("a Windows path", "..\\..\\张三", "斜杠"),
                arguments("markup", "<b>张三</b>", "符号"),
                arguments("dots only", "...", "只能写在文字之间"),
                arguments("a dot before the name", "·艾力", "只能写在文字之间"),
                arguments("two marks together", "买买提··艾力", "只能写在文字之间"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedNames")
    void refusesWhatNoNameHoldsNamingTheRule(String why, String typed, String detail) {
        InvalidBuyerNameException e =
                catchThrowableOfType(InvalidBuyerNameException.class, () -> BuyerName.parse(typed));
        assertThat(e).as(why).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.BUYER_NAME_INVALID);
        assertThat(e.getMessage()).contains(detail);
        assertThat(e.fieldErrors()).extracting(Problem.FieldError::field).containsExactly("buyer.name");
    }
}
