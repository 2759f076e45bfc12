import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a pharmacy import file of N rows of 武昌区 (420106) for import-50k.sh: UTF-8 CSV with a byte-order mark, every
 * row valid (licence numbers unique to the run's tag, credit codes with their GB 32100 check character). Run as a
 * single-file program, no build needed: {@code java infra/load-harness/ImportRows.java 50000 target/import-50k.csv TAG}.
 */
public class ImportRows {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        String tag = args.length > 2 ? args[2] : "L";
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write("药品经营许可证编号,统一社会信用代码,药店名称,所在区,地址,纬度,经度,营业时间,联系电话\r\n");
            for (int i = 1; i <= rows; i++) {
                String first17 = String.format("91420106MA%07d", i);
                w.write("鄂CB-" + tag + "-" + i + "," + first17 + check(first17) + ",压测导入药房" + tag + "-" + i
                        + ",420106 武昌区,武汉市武昌区压测路" + i + "号,"
                        + String.format("%.6f", 30.5 + (i % 1000) / 20000.0) + ","
                        + String.format("%.6f", 114.3 + (i % 997) / 20000.0) + ",08:00-22:00,027-8888" + String.format("%04d", i % 10000)
                        + "\r\n");
            }
        }
    }

    private static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}
