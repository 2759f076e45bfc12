package com.cogov.infra.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo data for the embedded default: pharmacies across Wuhan's districts, a catalog with checksum-valid EAN-13
 * barcodes (fictional makers) including special compound preparations of every category, and one account per role.
 * Deterministic (fixed seed), so the README can name a barcode; inserted only into an empty database. Never part of
 * a production jar: this module is not a dependency of the apps.
 */
public final class DemoData {

    /** A special compound preparation the README's curl example resolves (复方盐酸伪麻黄碱缓释胶囊). */
    public static final String EXAMPLE_BARCODE = ean13("69" + "71200" + "00001");

    public static final String DEMO_DISTRICT = "420106";

    static final int PHARMACIES = 60;

    private static final String[][] DISTRICTS = {
        {"420102", "江岸区", "30.600", "114.310", "解放大道", "黄浦大街", "台北路"},
        {"420103", "江汉区", "30.600", "114.270", "建设大道", "新华路", "唐家墩路"},
        {"420104", "硚口区", "30.580", "114.220", "中山大道", "解放大道", "古田二路"},
        {"420105", "汉阳区", "30.550", "114.220", "汉阳大道", "鹦鹉大道", "龙阳大道"},
        {"420106", "武昌区", "30.550", "114.320", "中南路", "徐东大街", "武珞路"},
        {"420107", "青山区", "30.630", "114.390", "和平大道", "建设二路", "冶金大道"},
        {"420111", "洪山区", "30.500", "114.340", "珞喻路", "雄楚大道", "民族大道"},
        {"420112", "东西湖区", "30.620", "114.140", "吴家山大道", "金银湖路", "东吴大道"},
        {"420113", "汉南区", "30.310", "114.080", "汉南大道", "纱帽正街", "兴城大道"},
        {"420114", "蔡甸区", "30.580", "114.030", "蔡甸大街", "知音湖大道", "新天大道"},
        {"420115", "江夏区", "30.370", "114.320", "文化大道", "纸坊大街", "光谷二路"},
        {"420116", "黄陂区", "30.880", "114.380", "百秀街", "黄陂大道", "前川大道"},
        {"420117", "新洲区", "30.840", "114.800", "邾城大街", "问津大道", "衡州大街"},
    };
    private static final String[] CHAINS = {
        "国康大药房", "益民大药房", "百姓健康药房", "江城大药房", "同心堂大药房", "中联大药房", "好药师大药房", "健民大药房", "仁心大药房", "楚康药房"
    };
    private static final String[] HOURS = {"08:00-22:00", "08:30-21:30", "00:00-24:00", "07:30-22:30"};
    static final String[] MAKERS = {
        "江城制药有限公司",
        "楚天药业股份有限公司",
        "汉江制药有限公司",
        "东湖生物制药有限公司",
        "黄鹤楼药业有限公司",
        "珞珈制药有限公司",
        "长江医药科技有限公司",
        "光谷药业有限公司",
        "晴川制药有限公司",
        "荆楚药业有限公司"
    };

    /** name, generic name, strength, dosage form, category, prescription only, approval letter. */
    private static final String[][] SPECIAL = {
        {"新康泰克", "复方盐酸伪麻黄碱缓释胶囊", "每粒含盐酸伪麻黄碱90mg、马来酸氯苯那敏4mg", "胶囊剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"泰诺", "酚麻美敏片", "每片含对乙酰氨基酚325mg、盐酸伪麻黄碱30mg", "片剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"白加黑", "氨酚伪麻美芬片", "每片含对乙酰氨基酚325mg、盐酸伪麻黄碱30mg、氢溴酸右美沙芬15mg", "片剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"联邦伤风素", "美扑伪麻片", "每片含盐酸伪麻黄碱30mg、马来酸氯苯那敏2mg", "片剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"氨麻美敏片(II)", "氨麻美敏片(II)", "每片含对乙酰氨基酚500mg、盐酸伪麻黄碱30mg", "片剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"开瑞坦伪麻", "氯雷伪麻缓释片", "每片含氯雷他定5mg、硫酸伪麻黄碱120mg", "片剂", "EPHEDRINE_COMPOUND", "Y", "H"},
        {"布洛伪麻片", "布洛伪麻片", "每片含布洛芬200mg、盐酸伪麻黄碱30mg", "片剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"小儿伪麻美芬滴剂", "小儿伪麻美芬滴剂", "每1ml含盐酸伪麻黄碱9.375mg、氢溴酸右美沙芬3.125mg", "滴剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"复方甘草麻黄碱片", "复方甘草麻黄碱片", "每片含盐酸麻黄碱5mg", "片剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"愈酚伪麻口服溶液", "愈酚伪麻口服溶液", "每10ml含愈创木酚甘油醚100mg、盐酸伪麻黄碱30mg", "口服溶液剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"氨酚曲麻片", "氨酚曲麻片", "每片含对乙酰氨基酚250mg、盐酸麻黄碱8mg", "片剂", "EPHEDRINE_COMPOUND", "N", "H"},
        {"扑尔伪麻片", "扑尔伪麻片", "每片含马来酸氯苯那敏4mg、盐酸伪麻黄碱60mg", "片剂", "EPHEDRINE_COMPOUND", "Y", "H"},
        {"复方磷酸可待因口服溶液", "复方磷酸可待因口服溶液", "每10ml含磷酸可待因10mg", "口服溶液剂", "CODEINE_ORAL_LIQUID", "Y", "H"},
        {"愈酚待因口服溶液", "愈酚待因口服溶液", "每10ml含磷酸可待因20mg、愈创木酚甘油醚200mg", "口服溶液剂", "CODEINE_ORAL_LIQUID", "Y", "H"},
        {"可愈糖浆", "可愈糖浆", "每10ml含磷酸可待因10mg", "糖浆剂", "CODEINE_ORAL_LIQUID", "Y", "H"},
        {"右美沙芬片", "氢溴酸右美沙芬片", "15mg", "片剂", "DEXTROMETHORPHAN", "Y", "H"},
        {"右美沙芬糖浆", "氢溴酸右美沙芬糖浆", "100ml:0.15g", "糖浆剂", "DEXTROMETHORPHAN", "Y", "H"},
        {"右美沙芬胶囊", "氢溴酸右美沙芬胶囊", "15mg", "胶囊剂", "DEXTROMETHORPHAN", "Y", "H"},
        {"复方地芬诺酯片", "复方地芬诺酯片", "每片含盐酸地芬诺酯2.5mg、硫酸阿托品0.025mg", "片剂", "DIPHENOXYLATE_COMPOUND", "Y", "H"},
    };
    /** Ordinary drugs: name, strength, dosage form, prescription only, approval letter. */
    private static final String[][] ORDINARY = {
        {"阿莫西林胶囊", "0.25g", "胶囊剂", "Y", "H"}, {"布洛芬缓释胶囊", "0.3g", "胶囊剂", "N", "H"},
        {"对乙酰氨基酚片", "0.5g", "片剂", "N", "H"}, {"头孢克肟胶囊", "0.1g", "胶囊剂", "Y", "H"},
        {"蒙脱石散", "3g", "散剂", "N", "H"}, {"奥美拉唑肠溶胶囊", "20mg", "胶囊剂", "Y", "H"},
        {"氯雷他定片", "10mg", "片剂", "N", "H"}, {"维生素C片", "0.1g", "片剂", "N", "H"},
        {"板蓝根颗粒", "10g", "颗粒剂", "N", "Z"}, {"连花清瘟胶囊", "0.35g", "胶囊剂", "N", "Z"},
        {"藿香正气水", "10ml", "酊剂", "N", "Z"}, {"健胃消食片", "0.8g", "片剂", "N", "Z"},
        {"阿司匹林肠溶片", "100mg", "片剂", "N", "H"}, {"硝苯地平缓释片", "20mg", "片剂", "Y", "H"},
        {"盐酸二甲双胍片", "0.5g", "片剂", "Y", "H"}, {"复方丹参滴丸", "27mg", "滴丸剂", "N", "Z"},
        {"红霉素软膏", "1%", "软膏剂", "N", "H"}, {"感冒灵颗粒", "10g", "颗粒剂", "N", "Z"},
        {"小柴胡颗粒", "10g", "颗粒剂", "N", "Z"}, {"六味地黄丸", "0.2g", "丸剂", "N", "Z"},
        {"西瓜霜润喉片", "0.6g", "片剂", "N", "Z"}, {"多潘立酮片", "10mg", "片剂", "N", "H"},
        {"盐酸左氧氟沙星片", "0.5g", "片剂", "Y", "H"}, {"阿奇霉素片", "0.25g", "片剂", "Y", "H"},
        {"维C银翘片", "0.5g", "片剂", "N", "Z"}, {"葡萄糖酸钙口服溶液", "10ml:1g", "口服溶液剂", "N", "H"},
        {"碳酸钙D3片", "0.6g", "片剂", "N", "H"}, {"布地奈德鼻喷雾剂", "64μg", "喷雾剂", "Y", "H"},
        {"开塞露", "20ml", "灌肠剂", "N", "H"}, {"云南白药气雾剂", "85g", "气雾剂", "N", "Z"},
    };

    private DemoData() {}

    /** What was put in. */
    public record Summary(int pharmacies, int drugs, int specialDrugs, int accounts, boolean seededNow) {}

    /** Inserts the demo data unless the database already holds pharmacies. One transaction: all or nothing. */
    public static Summary seedIfEmpty(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pharmacy")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return new Summary(
                        count(connection, "pharmacy"),
                        count(connection, "drug"),
                        count(connection, "drug WHERE special_category_code IS NOT NULL"),
                        count(connection, "account"),
                        false);
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Random random = new Random(20261121L);
            insertPharmacies(connection, random);
            int[] drugs = insertDrugs(connection);
            insertEnterprisesAndAccounts(connection);
            DemoAlerts.insert(connection);
            DemoLifecycle.insert(connection);
            DemoComplaints.insert(connection);
            DemoUnknownBarcodes.insert(connection);
            DemoPublicSearch.insert(connection);
            DemoNotices.insert(connection);
            connection.commit();
            return new Summary(PHARMACIES, drugs[0], drugs[1], count(connection, "account"), true);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void insertPharmacies(Connection c, Random random) throws SQLException {
        String sql =
                "INSERT INTO pharmacy (id, license_number, credit_code, name, district_code, address, latitude, longitude,"
                        + " opening_hours, phone) VALUES (?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= PHARMACIES; i++) {
                // Pharmacy 1 is the demo clerk's, in the demo inspector's district; the rest spread over all districts.
                String[] d = i == 1 ? district(DEMO_DISTRICT) : DISTRICTS[(i - 1) % DISTRICTS.length];
                String street = d[4 + random.nextInt(3)];
                ps.setLong(1, i);
                ps.setString(2, String.format("鄂CB027%04d", i));
                ps.setString(3, creditCode("91" + d[0], random));
                ps.setString(4, CHAINS[random.nextInt(CHAINS.length)] + "（" + street + "店）");
                ps.setString(5, d[0]);
                ps.setString(6, "武汉市" + d[1] + street + (10 + random.nextInt(390)) + "号");
                ps.setDouble(7, Double.parseDouble(d[2]) + (random.nextDouble() - 0.5) * 0.04);
                ps.setDouble(8, Double.parseDouble(d[3]) + (random.nextDouble() - 0.5) * 0.04);
                ps.setString(9, HOURS[random.nextInt(HOURS.length)]);
                ps.setString(10, "027-8" + (1000000 + random.nextInt(8999999)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** @return {total drugs, special drugs} */
    private static int[] insertDrugs(Connection c) throws SQLException {
        String drugSql =
                "INSERT INTO drug (id, name, generic_name, maker, strength, dosage_form, package_unit, approval_number,"
                        + " special_category_code, prescription_only, per_sale_limit, product_identifier) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
        String barcodeSql = "INSERT INTO drug_barcode (barcode, format, drug_id) VALUES (?,?,?)";
        List<String[]> rows = new ArrayList<>();
        // Each special product from two makers: 38 special compound preparations across the four categories.
        for (int m = 0; m < 2; m++) {
            for (String[] s : SPECIAL) {
                rows.add(new String[] {s[0], s[1], s[2], s[3], s[4], s[5], s[6], MAKERS[m * 3]});
            }
        }
        int special = rows.size();
        for (int m = 0; rows.size() < 300; m++) {
            String[] o = ORDINARY[m % ORDINARY.length];
            rows.add(new String[] {
                o[0], o[0], o[1], o[2], null, o[3], o[4], MAKERS[(m / ORDINARY.length) % MAKERS.length]
            });
        }
        try (PreparedStatement drug = c.prepareStatement(drugSql);
                PreparedStatement barcode = c.prepareStatement(barcodeSql)) {
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                long id = i + 1;
                int maker = List.of(MAKERS).indexOf(r[7]);
                drug.setLong(1, id);
                drug.setString(2, r[0]);
                drug.setString(3, r[1]);
                drug.setString(4, r[7]);
                drug.setString(5, r[2]);
                drug.setString(6, r[3]);
                drug.setString(7, "盒");
                drug.setString(8, "国药准字" + r[6] + String.format("%08d", 20000000 + (int) id * 37));
                drug.setString(9, r[4]);
                drug.setBoolean(10, "Y".equals(r[5]));
                if ("EPHEDRINE_COMPOUND".equals(r[4])) {
                    drug.setInt(11, 2);
                } else {
                    drug.setNull(11, java.sql.Types.INTEGER);
                }
                drug.setString(12, String.format("8%06d", 100000 + id));
                drug.addBatch();
                barcode.setString(1, ean13("69" + (71200 + maker) + String.format("%05d", id)));
                barcode.setString(2, "EAN_13");
                barcode.setLong(3, id);
                barcode.addBatch();
            }
            drug.executeBatch();
            barcode.executeBatch();
        }
        return new int[] {rows.size(), special};
    }

    private static void insertEnterprisesAndAccounts(Connection c) throws SQLException {
        Random random = new Random(7L);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO enterprise (id, credit_code, name, kind, district_code) VALUES (?,?,?,?,?)")) {
            Object[][] enterprises = {
                {1L, creditCode("91420112", random), "九州江城医药有限公司", "DRUG_WHOLESALE", "420112"},
                {2L, creditCode("91420111", random), "楚天冷链疫苗配送有限公司", "VACCINE_DISTRIBUTION", "420111"},
            };
            for (Object[] e : enterprises) {
                for (int i = 0; i < e.length; i++) {
                    ps.setObject(i + 1, e[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // username, openid, role, display name, pharmacy, district, enterprise
        Object[][] accounts = {
            {null, "demo-clerk", "PHARMACY_CLERK", "王店员", 1L, DEMO_DISTRICT, null},
            {null, "demo-manager", "PHARMACY_MANAGER", "李店长", 1L, DEMO_DISTRICT, null},
            {null, "demo-clerk-2", "PHARMACY_CLERK", "周店员", 2L, DISTRICTS[1][0], null},
            {null, "demo-inspector", "DISTRICT_INSPECTOR", "赵检查员", null, DEMO_DISTRICT, null},
            {null, "demo-public", "PUBLIC", "市民小陈", null, null, null},
            {"admin", null, "CITY_ADMIN", "市局管理员", null, "420100", null},
            {"inspector", null, "DISTRICT_INSPECTOR", "武昌区监管科", null, DEMO_DISTRICT, null},
            {"enterprise", null, "ENTERPRISE_USER", "九州江城质量负责人", null, null, 1L},
            {"operator", null, "OPERATOR", "运维值班", null, null, null},
        };
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO account (username, wechat_openid, role, display_name,"
                        + " pharmacy_id, district_code, enterprise_id) VALUES (?,?,?,?,?,?,?)")) {
            for (Object[] a : accounts) {
                for (int i = 0; i < a.length; i++) {
                    ps.setObject(i + 1, a[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The district's centre as the demo data places its pharmacies around it (GCJ-02 degrees: latitude, longitude). */
    public static double[] centre(String districtCode) {
        String[] d = district(districtCode);
        return new double[] {Double.parseDouble(d[2]), Double.parseDouble(d[3])};
    }

    /** The 13 district codes of the demo city. */
    public static List<String> districtCodes() {
        return java.util.Arrays.stream(DISTRICTS).map(d -> d[0]).toList();
    }

    private static String[] district(String code) {
        for (String[] d : DISTRICTS) {
            if (d[0].equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static int count(Connection c, String tableAndWhere) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Appends the GS1 mod-10 check digit to 12 digits. */
    public static String ean13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }

    private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A GB 32100-2015 unified social credit code: the 8-character prefix, 9 random characters, the check character. */
    public static String creditCode(String prefix, Random random) {
        StringBuilder code = new StringBuilder(prefix);
        while (code.length() < 17) {
            code.append(CREDIT_CHARSET.charAt(random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARSET.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return code.append(CREDIT_CHARSET.charAt(check == 31 ? 0 : check)).toString();
    }
}
