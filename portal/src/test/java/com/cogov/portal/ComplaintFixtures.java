package com.cogov.portal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Filings and attachments as citizens send them, for the complaint tests of both doors. */
final class ComplaintFixtures {

    /** What the EXIF block of the test photo carries: it must not survive the upload. */
    static final String EXIF_SECRET = "GPS-30.5444N-114.3052E";

    private ComplaintFixtures() {}

    /** A complaint about demo pharmacy 1 (武昌区), with a complainant. */
    static Map<String, Object> complaint() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "COMPLAINT");
        body.put("category", "DRUG");
        body.put("target", Map.of("pharmacyId", 1));
        body.put("facts", "在该药店购买的感冒药已过期，包装上的有效期为2026年10月。");
        body.put("claim", "退还货款并赔偿");
        body.put("occurredOn", LocalDate.now().minusDays(3).toString());
        body.put("complainant", Map.of("name", "李投诉", "phone", "13912345678", "address", "湖北省武汉市武昌区中北路1号"));
        return body;
    }

    /** An anonymous report about a business not on the platform, in 江汉区. */
    static Map<String, Object> anonymousReport() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "REPORT");
        body.put("category", "COSMETIC");
        body.put("target", Map.of("name", "某美容店", "address", "江汉区解放大道100号", "districtCode", "420103"));
        body.put("facts", "该店销售无中文标签的进口化妆品。");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    static List<String> ids(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "id" + i).toList();
    }

    /** A small JPEG whose APP1 segment is an EXIF block naming where it was taken. */
    static byte[] jpegWithExif() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jpeg = plain.toByteArray();
        byte[] payload = ("Exif\0\0" + "MM\0*\0\0\0\b" + EXIF_SECRET).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** Files on the public web from an address of its own, with the uploads given (content), as a citizen does. */
    static com.cogov.contracts.complaint.FilingReceipt fileOnTheWeb(
            io.micronaut.http.client.HttpClient client, Map<String, Object> body, byte[]... uploads) {
        String address =
                "10.77." + (java.util.concurrent.ThreadLocalRandom.current().nextInt(250) + 1) + "."
                        + (java.util.concurrent.ThreadLocalRandom.current().nextInt(250) + 1);
        List<String> ids = new java.util.ArrayList<>();
        for (byte[] upload : uploads) {
            ids.add(client.toBlocking()
                    .retrieve(
                            io.micronaut.http.HttpRequest.POST(
                                            "/portal/v1/public/complaints/attachments",
                                            io.micronaut.http.client.multipart.MultipartBody.builder()
                                                    .addPart(
                                                            "file",
                                                            "f",
                                                            io.micronaut.http.MediaType.APPLICATION_OCTET_STREAM_TYPE,
                                                            upload)
                                                    .build())
                                    .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE)
                                    .header("X-Forwarded-For", address),
                            com.cogov.contracts.complaint.AttachmentView.class)
                    .id());
        }
        return client.toBlocking()
                .retrieve(
                        io.micronaut.http.HttpRequest.POST(
                                        "/portal/v1/public/complaints", with(body, "attachmentIds", ids))
                                .header(
                                        "Idempotency-Key",
                                        java.util.UUID.randomUUID().toString())
                                .header("X-Forwarded-For", address),
                        com.cogov.contracts.complaint.FilingReceipt.class);
    }

    /** A complaint about demo pharmacy 2, in 江汉区 (outside the demo inspector's 武昌区). */
    static Map<String, Object> complaintInJianghan() {
        return with(complaint(), "target", Map.of("pharmacyId", 2));
    }
}
