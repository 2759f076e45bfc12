package com.cogov.infra.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo of 药店导入 (docs/imports.md, "Try it"): a small CSV a newcomer uploads with curl as the demo district
 * inspector (武昌区). Two new pharmacies of 武昌区 (one naming its district by name), one of 江汉区 (refused for the
 * inspector: not their district) and one with a wrong credit code (refused), so a run shows inserts, refused rows with
 * their reasons in the error workbook, and a second run that changes nothing. Imports write through the app, so the
 * demo is a file, not rows: written to {@code demo/demo-pharmacies.csv} in the dev data folder.
 */
public final class DemoImports {

    /** UTF-8 with a byte-order mark, as Excel on a Chinese Windows saves "CSV UTF-8". */
    public static final List<String> PHARMACIES_CSV = List.of(
            "药品经营许可证编号,统一社会信用代码,药店名称,所在区,地址,纬度,经度,营业时间,联系电话",
            "鄂CB-DEMO-0001,91420106MA4D000013,演示导入药房（首义店）,420106 武昌区,武汉市武昌区首义路8号,30.5461,114.3162,08:00-22:00,"
                    + "027-88880001",
            "鄂CB-DEMO-0002,91420106MA4D000026,演示导入药房（积玉桥店）,武昌区,武汉市武昌区积玉桥9号,30.5612,114.3051,,",
            "鄂CB-DEMO-0003,91420103MA4L000030,演示导入药房（江汉店）,420103,武汉市江汉区解放大道1号,30.58,114.27,,",
            "鄂CB-DEMO-0004,91420106MA4D000030,演示导入药房（错码店）,420106,武汉市武昌区错码路1号,30.55,114.31,,");

    private DemoImports() {}

    /** Writes the demo files under the dev data folder (again each start: they are examples, not state). */
    static void write(Path root) {
        try {
            Path dir = Files.createDirectories(root.resolve("demo"));
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] text = (String.join("\r\n", PHARMACIES_CSV) + "\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] file = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, file, 0, bom.length);
            System.arraycopy(text, 0, file, bom.length, text.length);
            Files.write(dir.resolve("demo-pharmacies.csv"), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
