package com.cogov.infra.load;

import com.cogov.api.buyer.TestPersonalData;
import java.time.LocalDate;

/**
 * Who buys: deterministic buyers, so the loader and the query scenarios agree on who bought where without storing a
 * plaintext list. Buyer {@code k} maps one-to-one to a checksum-valid resident ID number of an adult born 1950-1999;
 * the registration scenario's buyers come from a disjoint range (born 2000 and later) chosen afresh per run.
 */
final class Population {

    static final int PHARMACIES = 6_400;
    /** Each pharmacy's regulars: 60 % of its sales go to them (repeat buyers). */
    static final int REGULARS_PER_PHARMACY = 40;
    /** Buyers who go from pharmacy to pharmacy buying a little at each ("smurfing"): 1 % of the sales. */
    static final int SMURFS = 300;

    static final long SMURF_BASE = (long) PHARMACIES * REGULARS_PER_PHARMACY;
    static final long CITY_BASE = SMURF_BASE + SMURFS;

    static final String[] DISTRICTS = {
        "420102", "420103", "420104", "420105", "420106", "420107", "420111", "420112", "420113", "420114", "420115",
        "420116", "420117"
    };
    private static final LocalDate HISTORY_BORN_FROM = LocalDate.of(1950, 1, 1);
    private static final int HISTORY_BIRTH_DAYS = 18_262; // 1950-01-01 .. 1999-12-31
    private static final LocalDate RUN_BORN_FROM = LocalDate.of(2000, 1, 1);
    private static final int RUN_BIRTH_DAYS = 3_000; // adults today: born 2000-01-01 .. 2008-03
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
        "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"
    };
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志红玉兰春梅海燕";

    private Population() {}

    /** Busy pharmacies (every tenth) sell five times the average, quiet ones (a third) a fifth of it. */
    static double weight(int pharmacyId) {
        return pharmacyId % 10 == 0 ? 5.0 : pharmacyId % 3 == 0 ? 0.2 : 1.0;
    }

    static boolean busy(int pharmacyId) {
        return pharmacyId % 10 == 0;
    }

    static String district(int pharmacyId) {
        return DISTRICTS[(pharmacyId - 1) % DISTRICTS.length];
    }

    /** The {@code r}-th regular buyer of a pharmacy. */
    static long regular(int pharmacyId, int r) {
        return (long) (pharmacyId - 1) * REGULARS_PER_PHARMACY + r;
    }

    /** Historical buyer {@code k}'s resident ID number: injective for k below 13 × 18,262 × 1,000. */
    static String historyNumber(long k) {
        long rest = k / DISTRICTS.length;
        return TestPersonalData.residentId(
                DISTRICTS[(int) (k % DISTRICTS.length)], HISTORY_BORN_FROM.plusDays(rest % HISTORY_BIRTH_DAYS), (int)
                        (rest / HISTORY_BIRTH_DAYS % 1_000));
    }

    /** The run's buyer {@code k} (an adult born 2000 or later): disjoint from every historical buyer. */
    static String runNumber(long k) {
        long rest = k / DISTRICTS.length;
        return TestPersonalData.residentId(
                DISTRICTS[(int) (k % DISTRICTS.length)], RUN_BORN_FROM.plusDays(rest % RUN_BIRTH_DAYS), (int)
                        (rest / RUN_BIRTH_DAYS % 1_000));
    }

    /** A minor (15 today): the sales that trip the minors rule. */
    static String minorNumber(long k, LocalDate today) {
        return TestPersonalData.residentId(
                DISTRICTS[(int) (k % DISTRICTS.length)], today.minusYears(15).minusDays(k % 300), (int)
                        (k / DISTRICTS.length % 1_000));
    }

    static String name(long k) {
        return SURNAMES[(int) (k % SURNAMES.length)]
                + GIVEN.charAt((int) (k / SURNAMES.length % GIVEN.length()))
                + (k % 3 == 0 ? "" : String.valueOf(GIVEN.charAt((int) (k / 7 % GIVEN.length()))));
    }
}
