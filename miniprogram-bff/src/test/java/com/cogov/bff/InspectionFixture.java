package com.cogov.bff;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.inspection.CheckResult;
import com.cogov.contracts.inspection.ChecklistView;
import com.cogov.contracts.inspection.Disposition;
import com.cogov.contracts.inspection.EvidencePhotoView;
import com.cogov.contracts.inspection.InspectionRequests;
import com.cogov.contracts.inspection.InspectionView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;

/** What the inspector's phone does over HTTP, for the tests: photos, the checklist, an inspection's body. */
final class InspectionFixture {

    private final HttpClient client;

    InspectionFixture(HttpClient client) {
        this.client = client;
    }

    /** A small photo as a phone would send it (a real JPEG, decodable whole). */
    static byte[] jpeg() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static MutableHttpRequest<?> uploadRequest(byte[] content, String fileName) {
        return HttpRequest.POST(
                        "/mp/v1/inspections/photos",
                        MultipartBody.builder()
                                .addPart("image", fileName, MediaType.IMAGE_JPEG_TYPE, content)
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    String upload(Tokens uploader) {
        return client.toBlocking()
                .retrieve(
                        uploadRequest(jpeg(), "evidence.jpg").bearerAuth(uploader.accessToken()),
                        EvidencePhotoView.class)
                .photoId();
    }

    List<ChecklistView.Item> checklist(Tokens inspector) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/mp/v1/inspections/checklist").bearerAuth(inspector.accessToken()),
                        ChecklistView.class)
                .items();
    }

    /** Every item OK, COMPLIANT, recorded at the pharmacy's door; {@code change} adjusts it. */
    InspectionRequests.Record body(
            Tokens inspector, long pharmacyId, double[] at, UnaryOperator<InspectionRequests.Record> change) {
        List<InspectionRequests.Answer> answers = checklist(inspector).stream()
                .map(i -> new InspectionRequests.Answer(i.code(), CheckResult.OK, null))
                .toList();
        return change.apply(new InspectionRequests.Record(
                pharmacyId,
                answers,
                "检查了销售登记和专柜存放情况",
                Disposition.COMPLIANT,
                null,
                null,
                new InspectionRequests.Location(at[0], at[1], 12.0),
                List.of(),
                null));
    }

    static MutableHttpRequest<?> post(Tokens inspector, String key, Object body) {
        MutableHttpRequest<?> request =
                HttpRequest.POST("/mp/v1/inspections", body).bearerAuth(inspector.accessToken());
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    InspectionView record(Tokens inspector, InspectionRequests.Record body) {
        return client.toBlocking().retrieve(post(inspector, UUID.randomUUID().toString(), body), InspectionView.class);
    }

    static InspectionRequests.Record rectify(InspectionRequests.Record r, LocalDate by) {
        return new InspectionRequests.Record(
                r.pharmacyId(),
                r.checklist(),
                r.findings(),
                Disposition.RECTIFY,
                by,
                null,
                r.location(),
                r.photoIds(),
                r.supersedes());
    }

    /** The pharmacy's coordinates as stored: where an inspection on site is recorded. */
    static double[] coordinatesOf(Connection c, long pharmacyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT latitude, longitude FROM pharmacy WHERE id = ?")) {
            ps.setLong(1, pharmacyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                BigDecimal lat = rs.getBigDecimal(1);
                BigDecimal lng = rs.getBigDecimal(2);
                return new double[] {lat.doubleValue(), lng.doubleValue()};
            }
        }
    }
}
