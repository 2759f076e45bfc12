package com.cogov.contracts.notice;

import com.cogov.contracts.text.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request bodies of the notices desk (portal). The body is rich text (HTML), sanitised by the server on the way in. */
public final class NoticeRequests {

    private NoticeRequests() {}

    @Serdeable
    @Schema(name = "CreateNoticeRequest")
    public record Create(
            @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题不超过100个字")
            String title,

            @NotBlank(message = "请填写正文")
            @Size(max = 100_000, message = "正文不超过10万个字符")
            @MultiLine
            @Schema(
                    description =
                            "HTML: paragraphs, headings, lists, tables, links and images of this notice's"
                                    + " attachments; anything else (scripts, event handlers, styles, javascript: links) is removed")
            String body,

            @NotNull(message = "请选择发布对象（PUBLIC、PHARMACIES 或 ENTERPRISES）")
            NoticeAudience audience,

            @Nullable
            @Pattern(regexp = "\\d{6}", message = "行政区划代码为6位数字")
            @Schema(
                    description = "Absent: city-wide (the city only); a district user's notices are their district's",
                    example = "420106")
            String districtCode,

            @Nullable
            @Size(max = 9, message = "每条通知公告最多9个附件")
            @Schema(description = "Ids from POST /portal/v1/notices/attachments, uploaded by the same user")
            List<@NotBlank @Size(max = 64) String> attachmentIds,

            @Nullable Boolean pinned,

            @Nullable @Schema(description = "Not before this instant; absent: as soon as approved")
            Instant publishAt) {}

    /** What a draft or withdrawn notice may change; absent fields stay as they are. */
    @Serdeable
    @Schema(name = "EditNoticeRequest")
    public record Edit(
            @Nullable @Size(min = 1, max = 100, message = "标题为1-100个字")
            String title,

            @Nullable @Size(min = 1, max = 100_000, message = "正文为1-10万个字符") @MultiLine
            String body,

            @Nullable @Schema(nullable = true, type = "string")
            NoticeAudience audience,

            @Nullable @Pattern(regexp = "\\d{6}", message = "行政区划代码为6位数字")
            String districtCode,

            @Nullable @Schema(description = "true makes the notice city-wide (the city only)")
            Boolean cityWide,

            @Nullable
            @Size(max = 9, message = "每条通知公告最多9个附件")
            @Schema(description = "Replaces the attachments when given")
            List<@NotBlank @Size(max = 64) String> attachmentIds,

            @Nullable Boolean pinned,

            @Nullable Instant publishAt,

            @Nullable @Schema(description = "true clears publishAt: publish on approval")
            Boolean publishOnApproval) {}
}
