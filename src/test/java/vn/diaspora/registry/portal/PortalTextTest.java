package vn.diaspora.registry.portal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Values as officials read them (issue 22): amounts with separators, Vietnam's time, and the language switch's way back. */
class PortalTextTest {
    @Test
    void amountsHaveThousandsSeparatorsAndNoNeedlessDecimals() {
        assertEquals("4.050.000.000", Portal.grouped(new BigDecimal("4050000000.00")));
        assertEquals("1.234,5", Portal.grouped(new BigDecimal("1234.50")));
    }

    @Test
    void instantsAreShownInVietnamsTime() {
        assertEquals("07/12/2026 18:08", Portal.shown(Instant.parse("2026-12-07T11:08:11.346999308Z")));
    }

    @Test
    void theLanguageSwitchGoesBackToAPortalPageWithItsQueryOnly() {
        assertEquals(URI.create("/portal/review?id=1"), Portal.back("/portal/review?id=1"));
        for (String elsewhere : new String[] {null, "/portal/a b", "/portal/%zz", "https://example.org/portal", "//example.org/portal",
                "/portal/../q/health", "/api/v1/persons", "/portal\\\\evil"}) {
            assertEquals(URI.create("/portal"), Portal.back(elsewhere), String.valueOf(elsewhere));
        }
    }
}
