package com.cogov.portal;

import static com.cogov.portal.ImportWorkbooks.HEADERS;
import static com.cogov.portal.ImportWorkbooks.license;
import static com.cogov.portal.ImportWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.file.FileService;
import com.cogov.api.file.NewFile;
import com.cogov.api.file.StoredFile;
import com.cogov.api.job.JobService;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.job.JobState;
import com.cogov.contracts.job.JobView;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.pharmacy.PharmacyView;
import com.cogov.infra.dev.DemoImports;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 药店导入 through HTTP on the real MariaDB and Redis: the template, uploads of every accepted type with the quirks
 * real files have, row-by-row validation with Excel's row numbers and Chinese column names, upserts by licence number
 * (a re-import changes nothing and says so; a dry run writes nothing), the error workbook opened back, a district
 * inspector kept to their district, and every bad upload answered 4xx.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportsTest implements PortalTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Argument<Page<PharmacyView>> PHARMACIES = new GenericArgument<>() {};
    private static final Argument<Page<AuditEventView>> AUDIT_PAGE = new GenericArgument<>() {};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JobService jobs;

    @Inject
    FileService files;

    PortalSessions portal;
    String admin;
    String inspector;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PortalTest.super.getProperties());
        properties.put("cogov.jobs.poll-interval", "200ms");
        properties.put("cogov.imports.chunk-rows", "50");
        properties.put("micronaut.http.client.read-timeout", "60s"); // a 20 MB upload on a busy two-core machine
        return properties;
    }

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
    }

    @Test
    void theTemplateHasChineseHeadersAnExampleRowAllowedValuesAndDropDowns() throws Exception {
        HttpResponse<byte[]> file = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/portal/v1/imports/templates/PHARMACIES")
                                .bearerAuth(admin),
                        byte[].class);
        assertThat(file.getHeaders().get("Content-Disposition")).startsWith("attachment;");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<List<String>> rows = ImportWorkbooks.read(file.body());
            assertThat(rows.get(0)).containsExactlyElementsOf(HEADERS);
            assertThat(rows.get(1).get(0)).isEqualTo("鄂CB0270061");
            assertThat(book.getSheetName(1)).isEqualTo("允许值");
            List<List<String>> allowed = ImportWorkbooks.read(file.body(), 1);
            assertThat(allowed.get(0)).containsExactly("所在区");
            assertThat(allowed).extracting(r -> r.get(0)).contains("420106 武昌区", "420103 江汉区");
            assertThat(sheet.getDataValidations()).singleElement().satisfies(v -> {
                assertThat(v.getValidationConstraint().getFormula1()).contains("允许值");
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn())
                        .isEqualTo(3);
            });
            assertThat(sheet.getCellComment(new org.apache.poi.ss.util.CellAddress(0, 1))
                            .getString()
                            .getString())
                    .contains("GB 32100");
        }
        // a district inspector's template offers their district only
        byte[] own = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/portal/v1/imports/templates/PHARMACIES")
                                .bearerAuth(inspector),
                        byte[].class);
        assertThat(ImportWorkbooks.read(own, 1)).extracting(r -> r.get(0)).containsExactly("所在区", "420106 武昌区");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/imports/templates/SHOPS")
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo("IMPORT_KIND_UNKNOWN");
    }

    @Test
    void validRowsAreUpsertedAndEachBadRowIsReportedWithItsExcelRowAndColumn() throws Exception {
        String added = license();
        String other = license();
        List<String> formula = row(license(), "420106", "=HYPERLINK(\"http://evil.example\",\"点我\")");
        List<String> badCode = row(license(), "420106", "错码药房");
        badCode.set(1, "91420106MA4K0000X1");
        List<String> badPlace = row(license(), "420199", "无区药房");
        badPlace.set(5, "95.1");
        List<String> noName = row(license(), "420106", "");
        List<List<String>> rows = List.of(
                row(added, "420106", "导入新增药房"), badCode, badPlace, noName, row(other, "420103", "江汉导入药房"), formula);
        byte[] file = ImportWorkbooks.xlsx(rows);

        JobView done = awaitEnd(
                admin, upload(admin, "PHARMACIES", file, "药店.xlsx", false).id());
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.result())
                .containsEntry("accepted", 3)
                .containsEntry("rejected", 3)
                .containsEntry("inserted", 3)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0);
        assertThat(done.errors()).isEqualTo(3);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.message()).contains("新增 3 行").contains("3 行有错误");

        PharmacyView created = pharmacy(added);
        assertThat(created.name()).isEqualTo("导入新增药房");
        assertThat(created.districtCode()).isEqualTo("420106");
        assertThat(created.latitude()).isEqualByComparingTo("30.546");
        // a formula is kept as the text it is, never run
        assertThat(pharmacy(formula.get(0)).name()).isEqualTo(formula.get(2));

        List<List<String>> errors = ImportWorkbooks.read(errors(admin, done.id()));
        List<String> header = new ArrayList<>(HEADERS);
        header.addAll(List.of("错误原因", "原行号"));
        assertThat(errors.get(0)).containsExactlyElementsOf(header);
        assertThat(errors).hasSize(4);
        assertThat(errors.get(1).get(0)).isEqualTo(badCode.get(0));
        assertThat(errors.get(1).get(9)).startsWith("第3行「统一社会信用代码」");
        assertThat(errors.get(1).get(10)).isEqualTo("3");
        assertThat(errors.get(2).get(9))
                .startsWith("第4行")
                .contains("「所在区」“420199”不是本市现行的区")
                .contains("「纬度」须在3.8至53.6之间");
        assertThat(errors.get(3).get(9)).isEqualTo("第5行「药店名称」不能为空");

        // who imported what, with the counts
        Page<AuditEventView> trail = portal.call(
                HttpRequest.GET("/portal/v1/audit/events?targetType=job&targetId=" + done.id()), admin, AUDIT_PAGE);
        assertThat(trail.items()).extracting(AuditEventView::action).contains("import.create", "import.done");
        assertThat(trail.items())
                .filteredOn(e -> e.action().equals("import.done"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.details()).containsEntry("inserted", "3").containsEntry("rejected", "3"));
        assertThat(trail.items())
                .filteredOn(e -> e.action().equals("import.create"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("fileName", "药店.xlsx"));
    }

    @Test
    void theSameFileAgainChangesNothingAndSaysSoAndAnEditedRowIsUpdated() {
        String first = license();
        String second = license();
        List<List<String>> rows = List.of(row(first, "420106", "重复导入药房"), row(second, "420106", "重复导入药房二"));
        byte[] file = ImportWorkbooks.xlsx(rows);
        assertThat(awaitEnd(
                                admin,
                                upload(admin, "PHARMACIES", file, "a.xlsx", false)
                                        .id())
                        .result())
                .containsEntry("inserted", 2);
        int version = pharmacy(first).version();

        JobView again = awaitEnd(
                admin, upload(admin, "PHARMACIES", file, "a.xlsx", false).id());
        assertThat(again.result())
                .containsEntry("inserted", 0)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 2);
        assertThat(again.message()).startsWith("没有任何更改");
        assertThat(pharmacy(first).version()).isEqualTo(version);

        List<String> edited = new ArrayList<>(rows.get(0));
        edited.set(4, "武昌区改址路1号");
        JobView update = awaitEnd(
                admin,
                upload(admin, "PHARMACIES", ImportWorkbooks.xlsx(List.of(edited, rows.get(1))), "b.xlsx", false)
                        .id());
        assertThat(update.result()).containsEntry("updated", 1).containsEntry("unchanged", 1);
        assertThat(pharmacy(first).address()).isEqualTo("武昌区改址路1号");
        assertThat(pharmacy(first).version()).isEqualTo(version + 1);
    }

    @Test
    void aDryRunReportsTheSameOutcomeAndWritesNothing() {
        String license = license();
        List<String> bad = row(license(), "420106", "试导入错行");
        bad.set(6, "200");
        byte[] file = ImportWorkbooks.xlsx(List.of(row(license, "420106", "试导入药房"), bad));
        JobView dry = awaitEnd(
                admin, upload(admin, "PHARMACIES", file, "dry.xlsx", true).id());
        assertThat(dry.state()).isEqualTo(JobState.DONE);
        assertThat(dry.result())
                .containsEntry("dryRun", true)
                .containsEntry("inserted", 1)
                .containsEntry("rejected", 1);
        assertThat(dry.message()).startsWith("试导入（未写入）");
        assertThat(find(license)).isEmpty();
        assertThat(ImportWorkbooks.read(errors(admin, dry.id()))).hasSize(2);

        JobView real = awaitEnd(
                admin, upload(admin, "PHARMACIES", file, "dry.xlsx", false).id());
        assertThat(real.result()).containsEntry("inserted", 1).containsEntry("rejected", 1);
        assertThat(find(license)).isNotEmpty();
    }

    @Test
    void realWorldQuirksAreReadAsAPersonMeantThem() {
        String license = license();
        String spaced = license();
        String credit = ImportWorkbooks.creditCode("420106");
        byte[] file = ImportWorkbooks.xlsx(book -> {
            // a hidden first sheet (WPS keeps lists there), then the data sheet with a merged title above the header
            Sheet hidden = book.createSheet("下拉数据");
            ImportWorkbooks.write(hidden, 0, List.of("药品经营许可证编号", "统一社会信用代码", "x"));
            book.setSheetHidden(0, true);
            Sheet sheet = book.createSheet("药店");
            ImportWorkbooks.write(sheet, 0, List.of("2026年武昌区药店名录"));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            List<String> header = new ArrayList<>(HEADERS);
            header.set(0, " 药品经营许可证编号* "); // a marked, padded header
            header.add(""); // an empty trailing column
            ImportWorkbooks.write(sheet, 2, header);
            var row = sheet.createRow(3);
            // full-width letters and digits, trailing spaces, an ideographic space
            row.createCell(0).setCellValue(toFullWidth(license) + "  ");
            row.createCell(1).setCellValue(toFullWidth(credit));
            row.createCell(2).setCellValue("怪异格式药房\u3000");
            row.createCell(3).setCellValue("420106");
            row.createCell(4).setCellValue("武汉市武昌区怪异路 8 号 ");
            row.createCell(5).setCellValue(30.546000000000003); // numbers as numbers, with binary noise
            row.createCell(6).setCellValue(114.316);
            row.createCell(8).setCellValue("02788886666"); // a leading zero, kept as text
            var second = sheet.createRow(4);
            ImportWorkbooks.write(sheet, 4, row(spaced, "420106", "第二家怪异药房"));
            second = sheet.getRow(4);
            second.createCell(3).setCellValue("武昌区"); // a district by its name
            second.createCell(8).setCellValue(2788886666d); // a phone as a number: read exactly, not 2.79E+09
            for (int i = 5; i < 40; i++) {
                sheet.createRow(i).createCell(2).setCellValue(" "); // empty trailing rows
            }
        });
        JobView done = awaitEnd(
                admin, upload(admin, "PHARMACIES", file, "quirks.xlsx", false).id());
        assertThat(done.result()).containsEntry("inserted", 2).containsEntry("rejected", 0);
        PharmacyView first = pharmacy(license);
        assertThat(first.creditCode()).isEqualTo(credit);
        assertThat(first.name()).isEqualTo("怪异格式药房");
        assertThat(first.address()).isEqualTo("武汉市武昌区怪异路 8 号");
        assertThat(first.latitude()).isEqualByComparingTo("30.546");
        assertThat(first.phone()).isEqualTo("02788886666");
        assertThat(pharmacy(spaced).phone()).isEqualTo("2788886666");
        assertThat(pharmacy(spaced).districtCode()).isEqualTo("420106");
    }

    @Test
    void csvInUtf8WithOrWithoutBomAndInGbkIsReadByItsContent() {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            for (boolean bom : charset == StandardCharsets.UTF_8 ? List.of(true, false) : List.of(false)) {
                String license = license();
                String text = ImportWorkbooks.csv(List.of(row(license, "420106", "编码测试药房（" + charset + "）")));
                byte[] body = text.getBytes(charset);
                if (bom) {
                    byte[] withBom = new byte[body.length + 3];
                    withBom[0] = (byte) 0xEF;
                    withBom[1] = (byte) 0xBB;
                    withBom[2] = (byte) 0xBF;
                    System.arraycopy(body, 0, withBom, 3, body.length);
                    body = withBom;
                }
                JobView done = awaitEnd(
                        admin,
                        upload(admin, "PHARMACIES", body, "药店.txt", false).id());
                assertThat(done.result()).as(charset + " bom " + bom).containsEntry("inserted", 1);
                assertThat(pharmacy(license).name()).isEqualTo("编码测试药房（" + charset + "）");
            }
        }
    }

    @Test
    void aDistrictInspectorImportsTheirOwnDistrictOnly() {
        String own = license();
        String elsewhere = license();
        byte[] file = ImportWorkbooks.xlsx(List.of(row(own, "420106", "辖区内药房"), row(elsewhere, "420103", "辖区外药房")));
        JobView done = awaitEnd(
                inspector,
                upload(inspector, "PHARMACIES", file, "区.xlsx", false).id());
        assertThat(done.result()).containsEntry("inserted", 1).containsEntry("rejected", 1);
        assertThat(find(elsewhere)).isEmpty();
        assertThat(ImportWorkbooks.read(errors(inspector, done.id())).get(1).get(9))
                .isEqualTo("第3行「所在区」“420103”不在您的辖区，只能导入本区的药店");
        // the import and its errors are the inspector's alone
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/imports/" + done.id() + "/errors")
                                        .bearerAuth(admin),
                                404)
                        .code())
                .isEqualTo("JOB_NOT_FOUND");
    }

    @Test
    void badUploadsAreRefusedBeforeAJobExists() throws Exception {
        byte[] good = ImportWorkbooks.xlsx(List.of(row(license(), "420106", "x")));
        assertThat(refusedUpload(admin, "SHOPS", good, 400).code()).isEqualTo("IMPORT_KIND_UNKNOWN");
        assertThat(refusedUpload(admin, "PHARMACIES", new byte[0], 400).code()).isEqualTo("IMPORT_FILE_EMPTY");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(refusedUpload(admin, "PHARMACIES", png, 415).code()).isEqualTo("IMPORT_FILE_UNSUPPORTED");
        assertThat(refusedUpload(
                                admin,
                                "PHARMACIES",
                                "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
                                415)
                        .code())
                .isEqualTo("IMPORT_FILE_UNSUPPORTED");
        // a zip that is not a workbook, and a workbook cut in half
        assertThat(refusedUpload(admin, "PHARMACIES", zip("hello.txt", new byte[100]), 415)
                        .code())
                .isEqualTo("IMPORT_FILE_UNSUPPORTED");
        assertThat(refusedUpload(admin, "PHARMACIES", java.util.Arrays.copyOf(good, good.length / 2), 415)
                        .code())
                .isEqualTo("IMPORT_FILE_UNSUPPORTED");
        // a zip bomb posing as a workbook: a sheet that inflates a thousandfold
        assertThat(refusedUpload(admin, "PHARMACIES", zipBomb(), 415).code()).isEqualTo("IMPORT_FILE_UNSUPPORTED");
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(refusedUpload(admin, "PHARMACIES", big, 413).code()).isEqualTo("IMPORT_FILE_TOO_LARGE");

        byte[] wrongHeaders = ImportWorkbooks.xlsx(book -> ImportWorkbooks.write(
                book.createSheet("x"), 0, List.of("药品经营许可证编号", "药店名称", "所在区", "地址", "纬度", "经度", "负责人")));
        Problem mismatch = refusedUpload(admin, "PHARMACIES", wrongHeaders, 422);
        assertThat(mismatch.code()).isEqualTo("IMPORT_HEADERS_MISMATCH");
        assertThat(mismatch.detail()).contains("缺少列：统一社会信用代码").contains("模板中没有的列：负责人");
        assertThat(refusedUpload(admin, "PHARMACIES", "a,b,c\r\n1,2,3\r\n".getBytes(StandardCharsets.UTF_8), 422)
                        .code())
                .isEqualTo("IMPORT_HEADERS_MISMATCH");

        MutableHttpRequest<?> badDryRun = HttpRequest.POST(
                        "/portal/v1/imports",
                        MultipartBody.builder()
                                .addPart("file", "a.xlsx", MediaType.of(XLSX), good)
                                .addPart("kind", "PHARMACIES")
                                .addPart("dryRun", "maybe")
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(admin);
        assertThat(portal.refused(badDryRun, 400).code()).isEqualTo("MALFORMED_REQUEST");
        String enterprise = portal.login(
                        "enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
        refusedUpload(enterprise, "PHARMACIES", good, 403);
    }

    @Test
    void aHugeCellAndAMillionEmptyLinesNeitherFailNorStall() {
        StringBuilder huge = new StringBuilder(ImportWorkbooks.csv(List.of(row(license(), "420106", "大单元格前"))));
        String license = license();
        List<String> withHugeCell = row(license, "420106", "x");
        huge.append(withHugeCell.get(0)).append(',').append(withHugeCell.get(1)).append(",\"");
        huge.append("药".repeat(6_000_000)).append("\",420106,地址,30.5,114.3,,\r\n");
        JobView hugeDone = awaitEnd(
                admin,
                upload(admin, "PHARMACIES", huge.toString().getBytes(StandardCharsets.UTF_8), "h.csv", false)
                        .id());
        assertThat(hugeDone.result()).containsEntry("inserted", 1).containsEntry("rejected", 1);
        assertThat(ImportWorkbooks.read(errors(admin, hugeDone.id())).get(1).get(9))
                .isEqualTo("第3行第3列的内容超过32767个字符");

        String empty =
                ImportWorkbooks.csv(List.of(row(license(), "420106", "空行之前"))) + ",,,,,,,,\r\n".repeat(1_000_000);
        JobView emptyDone = awaitEnd(
                admin,
                upload(admin, "PHARMACIES", empty.getBytes(StandardCharsets.UTF_8), "e.csv", false)
                        .id());
        assertThat(emptyDone.result()).containsEntry("rows", 1).containsEntry("inserted", 1);
    }

    @Test
    void anExportInTheTemplatesLayoutIsEditedAndImportedBack() throws Exception {
        String tag =
                "RT" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> injected = row("鄂CB-" + tag + "1", "420111", "=cmd|' /C calc'!A0");
        List<String> plain = row("鄂CB-" + tag + "2", "420111", "往返药房");
        assertThat(awaitEnd(
                                admin,
                                upload(
                                                admin,
                                                "PHARMACIES",
                                                ImportWorkbooks.xlsx(List.of(injected, plain)),
                                                "r.xlsx",
                                                false)
                                        .id())
                        .result())
                .containsEntry("inserted", 2);

        long export = portal.call(
                        HttpRequest.POST(
                                "/portal/v1/exports",
                                Map.of("kind", "PHARMACIES", "format", "xlsx", "filter", Map.of("q", tag))),
                        admin,
                        JobView.class)
                .id();
        assertThat(awaitEnd(admin, export).state()).isEqualTo(JobState.DONE);
        byte[] exported = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/portal/v1/exports/" + export + "/file")
                                .bearerAuth(admin),
                        byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            // formula text goes out quote-prefixed: a later Excel shows it and never runs it
            boolean seen = false;
            for (var row : book.getSheetAt(0)) {
                var name = row.getCell(2);
                if (name != null && name.getStringCellValue().startsWith("=")) {
                    assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
                    seen = true;
                }
            }
            assertThat(seen).isTrue();
        }
        // the regulator edits one address in the exported sheet, heading block and all, and sends it back
        List<List<String>> sheet = ImportWorkbooks.read(exported);
        assertThat(sheet).contains(HEADERS);
        byte[] edited = ImportWorkbooks.xlsx(book -> {
            Sheet out = book.createSheet("药店");
            for (int r = 0; r < sheet.size(); r++) {
                List<String> cells = new ArrayList<>(sheet.get(r));
                if (cells.size() > 4 && cells.get(0).equals(plain.get(0))) {
                    cells.set(4, "武汉市洪山区往返路2号");
                }
                ImportWorkbooks.write(out, r, cells);
            }
        });
        JobView back = awaitEnd(
                admin, upload(admin, "PHARMACIES", edited, "往返.xlsx", false).id());
        assertThat(back.result())
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 1)
                .containsEntry("rejected", 0);
        assertThat(pharmacy(plain.get(0)).address()).isEqualTo("武汉市洪山区往返路2号");
        assertThat(pharmacy(injected.get(0)).name()).isEqualTo("=cmd|' /C calc'!A0");
    }

    @Test
    void aJobInterruptedByARestartResumesAfterItsLastCommittedChunk() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(row(license(), "420106", "续导药房" + i));
        }
        StoredFile stored;
        try (var in = new ByteArrayInputStream(ImportWorkbooks.xlsx(rows))) {
            stored = files.store(
                    new NewFile(
                            adminAccount(),
                            "IMPORT",
                            XLSX,
                            "药店导入.xlsx",
                            java.time.Instant.now().plusSeconds(3600)),
                    in);
        }
        long id;
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO job (type, owner_account_id, owner_role, state, done, total, errors, params,"
                                + " checkpoint, created_at, started_at, claimed_by, heartbeat_at) VALUES ('IMPORT', ?,"
                                + " 'CITY_ADMIN', 'RUNNING', 50, 120, 0, ?, ?, CURRENT_TIMESTAMP(6),"
                                + " CURRENT_TIMESTAMP(6), 'a-node-that-died', TIMESTAMPADD(MINUTE, -10, CURRENT_TIMESTAMP(6)))",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, adminAccount());
            ps.setString(
                    2,
                    "{\"kind\":\"PHARMACIES\",\"fileId\":\"" + stored.id() + "\",\"format\":\"XLSX\","
                            + "\"dryRun\":false}");
            // the first chunk (rows 2 to 51) committed before the node died
            ps.setString(3, "{\"lastRow\":51,\"inserted\":50,\"updated\":0,\"unchanged\":0,\"rejected\":0}");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        assertThat(jobs.recoverStalled()).isGreaterThanOrEqualTo(1);
        JobView resumed = awaitEnd(admin, id);
        assertThat(resumed.state()).isEqualTo(JobState.DONE);
        assertThat(resumed.result()).containsEntry("inserted", 120).containsEntry("rows", 120);
        assertThat(resumed.done()).isEqualTo(120);
        // rows up to the checkpoint were not written again (this test never wrote them); the rest were
        assertThat(find(rows.get(49).get(0))).isEmpty();
        assertThat(find(rows.get(50).get(0))).hasSize(1);
        assertThat(find(rows.get(119).get(0))).hasSize(1);
    }

    long adminAccount() {
        return portal.call(HttpRequest.GET("/portal/v1/me"), admin, com.cogov.contracts.account.ProfileView.class)
                .accountId();
    }

    /**
     * Files LibreOffice Calc 7.4 saved (committed fixtures, converted with {@code soffice --headless --convert-to} from
     * the CSV beside them): a title row and an empty row above the header, numbers stored as numbers.
     */
    @Test
    void workbooksSavedByLibreOfficeAreRead() throws Exception {
        for (String fixture : List.of("libreoffice-pharmacies.xlsx", "libreoffice-pharmacies.xls")) {
            byte[] file;
            try (var in = getClass().getResourceAsStream("/imports/" + fixture)) {
                file = in.readAllBytes();
            }
            JobView done = awaitEnd(
                    admin, upload(admin, "PHARMACIES", file, fixture, false).id());
            assertThat(done.result()).as(fixture).containsEntry("accepted", 2).containsEntry("rejected", 1);
            PharmacyView first = pharmacy("鄂CB-LO-0001");
            assertThat(first.name()).isEqualTo("LibreOffice示例药房（首义店）");
            assertThat(first.latitude()).isEqualByComparingTo("30.5461");
            assertThat(first.phone())
                    .as("a phone LibreOffice stored as a number")
                    .isEqualTo("2788886666");
            assertThat(pharmacy("鄂CB-LO-0002").districtCode()).isEqualTo("420106");
            List<List<String>> errors = ImportWorkbooks.read(errors(admin, done.id()));
            assertThat(errors).hasSize(2);
            assertThat(errors.get(1).get(9)).as(fixture).startsWith("第6行「统一社会信用代码」");
        }
    }

    @Test
    void theDemoFileImportsAsItsWalkThroughSays() {
        byte[] csv = (String.join("\r\n", DemoImports.PHARMACIES_CSV) + "\r\n").getBytes(StandardCharsets.UTF_8);
        JobView dry = awaitEnd(
                inspector,
                upload(inspector, "PHARMACIES", csv, "demo-pharmacies.csv", true)
                        .id());
        assertThat(dry.result()).containsEntry("accepted", 2).containsEntry("rejected", 2);
        List<List<String>> errors = ImportWorkbooks.read(errors(inspector, dry.id()));
        assertThat(errors.get(1).get(9)).startsWith("第4行「所在区」");
        assertThat(errors.get(2).get(9)).startsWith("第5行「统一社会信用代码」");
    }

    @Test
    void drugsAreUpsertedByTheirNaturalKeyAndResolveAtTheCounterAtOnce() throws Exception {
        String tag = String.format("%08d", (int) (Math.random() * 100_000_000));
        String barcode = ean13("697" + tag.substring(0, 8) + "1");
        String zeroLed = ean13("00" + tag.substring(0, 8) + "22");
        String approval = "国药准字H" + tag;
        List<String> headers =
                List.of("药品名称", "通用名称", "生产企业", "规格", "剂型", "最小包装单位", "批准文号", "商品条码", "特殊药品类别", "处方药", "每次限购数量");
        byte[] file = ImportWorkbooks.xlsx(book -> {
            Sheet sheet = book.createSheet("药品");
            ImportWorkbooks.write(sheet, 0, headers);
            ImportWorkbooks.write(
                    sheet,
                    1,
                    List.of(
                            "导入康泰克",
                            "复方盐酸伪麻黄碱缓释胶囊",
                            "导入药业",
                            "90mg",
                            "胶囊剂",
                            "盒",
                            approval,
                            "",
                            "EPHEDRINE_COMPOUND 含麻黄碱类复方制剂",
                            "否",
                            "2"));
            // a 13-digit barcode in a numeric cell, shown as 6.97E+12: read back exactly
            var code = sheet.getRow(1).createCell(7);
            code.setCellValue(Double.parseDouble(barcode));
            var scientific = book.createCellStyle();
            scientific.setDataFormat(book.createDataFormat().getFormat("0.00E+00"));
            code.setCellStyle(scientific);
            // a leading zero kept in a text cell; the limit as a number
            ImportWorkbooks.write(
                    sheet,
                    2,
                    List.of(
                            "导入布洛芬",
                            "布洛芬缓释胶囊",
                            "导入药业",
                            "0.3g",
                            "胶囊剂",
                            "盒",
                            "国药准字Ｈ" + tag.substring(0, 7) + "9",
                            zeroLed,
                            "",
                            "否",
                            ""));
            ImportWorkbooks.write(
                    sheet,
                    3,
                    List.of(
                            "错号药",
                            "错号药",
                            "导入药业",
                            "1g",
                            "片剂",
                            "盒",
                            "国药准字X12345678",
                            "6901234567890",
                            "不存在的类别",
                            "也许",
                            "0"));
        });
        JobView done =
                awaitEnd(admin, upload(admin, "DRUGS", file, "药品.xlsx", false).id());
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.result()).containsEntry("inserted", 2).containsEntry("rejected", 1);
        // the counter finds the new drugs by barcode at once (the catalog was announced changed)
        Map<?, ?> found =
                client.toBlocking().retrieve(HttpRequest.GET("/portal/v1/public/drugs/barcode/" + barcode), Map.class);
        assertThat(found.get("name")).isEqualTo("导入康泰克");
        assertThat(client.toBlocking()
                        .retrieve(HttpRequest.GET("/portal/v1/public/drugs/barcode/" + zeroLed), Map.class)
                        .get("approvalNumber"))
                .isEqualTo("国药准字H" + tag.substring(0, 7) + "9");
        String reason = ImportWorkbooks.read(errors(admin, done.id())).get(1).get(11);
        assertThat(reason)
                .startsWith("第4行")
                .contains("「批准文号」")
                .contains("「商品条码」")
                .contains("「特殊药品类别」")
                .contains("「处方药」须为“是”或“否”")
                .contains("「每次限购数量」须为正整数");

        JobView again =
                awaitEnd(admin, upload(admin, "DRUGS", file, "药品.xlsx", false).id());
        assertThat(again.result()).containsEntry("unchanged", 2).containsEntry("inserted", 0);
        // drugs are the city's: a district inspector may not import them
        assertThat(refusedUpload(inspector, "DRUGS", file, 403).code()).isEqualTo("FORBIDDEN");
        // the drug template lists the special categories, dosage forms and 是/否 with their drop-downs
        byte[] template = client.toBlocking()
                .retrieve(HttpRequest.GET("/portal/v1/imports/templates/DRUGS").bearerAuth(admin), byte[].class);
        assertThat(ImportWorkbooks.read(template).get(0)).containsExactlyElementsOf(headers);
        assertThat(ImportWorkbooks.read(template, 1).get(0)).containsExactly("剂型", "特殊药品类别", "处方药");
        assertThat(ImportWorkbooks.read(template, 1).get(1)).contains("片剂", "CODEINE_ORAL_LIQUID 含可待因复方口服液体制剂", "是");
    }

    // ---------------------------------------------------------------- helpers

    JobView upload(String token, String kind, byte[] content, String name, boolean dryRun) {
        return portal.call(uploadRequest(kind, content, name, dryRun), token, JobView.class);
    }

    Problem refusedUpload(String token, String kind, byte[] content, int status) {
        return portal.refused(uploadRequest(kind, content, "f.xlsx", false).bearerAuth(token), status);
    }

    static MutableHttpRequest<?> uploadRequest(String kind, byte[] content, String name, boolean dryRun) {
        return HttpRequest.POST(
                        "/portal/v1/imports",
                        MultipartBody.builder()
                                .addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, content)
                                .addPart("kind", kind)
                                .addPart("dryRun", Boolean.toString(dryRun))
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    JobView awaitEnd(String token, long id) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> portal.call(HttpRequest.GET("/portal/v1/jobs/" + id), token, JobView.class),
                        job -> job.state().ended());
    }

    byte[] errors(String token, long id) {
        HttpResponse<byte[]> file = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/portal/v1/imports/" + id + "/errors").bearerAuth(token), byte[].class);
        assertThat(file.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        return file.body();
    }

    List<PharmacyView> find(String license) {
        return portal
                .call(
                        HttpRequest.GET(
                                "/portal/v1/pharmacies?q=" + URLEncoder.encode(license, StandardCharsets.UTF_8)),
                        admin,
                        PHARMACIES)
                .items()
                .stream()
                .filter(p -> p.licenseNumber().equals(license))
                .toList();
    }

    PharmacyView pharmacy(String license) {
        List<PharmacyView> found = find(license);
        assertThat(found).as(license).hasSize(1);
        return portal.call(
                HttpRequest.GET("/portal/v1/pharmacies/" + found.get(0).id()), admin, PharmacyView.class);
    }

    /** The twelve digits and their GS1 check digit. */
    static String ean13(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }

    static String toFullWidth(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    static byte[] zip(String entry, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A real workbook whose sheet is replaced by 500 MB of one repeated row: a few hundred kilobytes zipped. */
    static byte[] zipBomb() throws Exception {
        byte[] template = ImportWorkbooks.xlsx(List.of(row(license(), "420106", "x")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(template));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(
                            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                    .getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 500; i++) {
                        zip.write(spaces);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
