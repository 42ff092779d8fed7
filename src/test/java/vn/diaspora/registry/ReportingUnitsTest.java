package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static vn.diaspora.registry.Api.as;

/** Reporting units over time (issue 10): districts report up to 2025-Q2, the communes that took over their area after. */
@QuarkusTest
class ReportingUnitsTest {
    static final String LUC_NGAN_DISTRICT = Tokens.unitOfficer("219");
    static final String LUC_NGAN_COMMUNE = Tokens.unitOfficer("07582");

    @Test
    void aUnitOfficerReadsAPeriodOfItsProvinceWithoutNamingIt() {
        as(LUC_NGAN_DISTRICT).get("/api/v1/periods/2025-Q2").then().statusCode(200)
                .body("province", is("24")).body("units", hasItem("219"));
        as(LUC_NGAN_COMMUNE).get("/api/v1/periods/2026-Q3").then().statusCode(200).body("units", hasItem("07582"));
    }

    @Test
    void aDissolvedDistrictReportsUpTo2025Q2AndIsToldWhichCommunesReportAfter() {
        as(LUC_NGAN_DISTRICT).post("/api/v1/periods/2025-Q1/submissions").then().statusCode(201);
        as(LUC_NGAN_DISTRICT).post("/api/v1/periods/2026-Q3/submissions").then().statusCode(422)
                .body("errors[0].field", is("period"))
                .body("errors[0].message", containsString("07582 Xã Lục Ngạn"));
        as(LUC_NGAN_COMMUNE).post("/api/v1/periods/2026-Q3/submissions").then().statusCode(201);
    }
}
