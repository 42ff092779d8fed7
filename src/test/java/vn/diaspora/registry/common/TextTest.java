package vn.diaspora.registry.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one text normalisation, and the spreadsheet neutralisation, as small parsers tested alone. */
class TextTest {

    @Test
    void decomposedVietnameseBecomesNfcAndInvisiblesGo() {
        assertEquals("Nguyễn Văn A", Text.clean("Nguye\u0302\u0303n\u200B\u00A0 Va\u0306n\uFEFF\u3000A "));
        assertNull(Text.clean("\u200B\u2800\u3164\u115F\u1160\uFFA0\u00A0"));
    }

    @Test
    void foldedTextIgnoresCaseDiacriticsAndSpacing() {
        assertEquals("nguoi o nuoc ngoai", Text.fold(" NGƯỜI  Ở nước ngoài "));
        assertEquals("dong gop", Text.fold("Đóng góp"));
        assertEquals(Text.fold("Xóa"), Text.fold("xoá"));
    }

    @Test
    void freeTextKeepsItsLines() {
        assertEquals("một\nhai\n\nba", Text.cleanLines("một  \r\nhai\r\n\r\n\u200Bba"));
    }

    @Test
    void controlCharactersLoneSurrogatesAndNonCharactersAreNamed() {
        assertNotNull(Text.problem("a\u0000b"));
        assertNotNull(Text.problem("a\u001Bb"));
        assertNotNull(Text.problem("a\u0085b"));
        assertNotNull(Text.problem("a\uD800"));
        assertNotNull(Text.problem("\uDC00a"));
        assertNotNull(Text.problem("\uFFFF"));
        assertNull(Text.problem("tab\tand\r\nlines, emoji \uD83D\uDE00, 在日"));
    }

    @Test
    void aNameNeedsALetter() {
        assertTrue(Text.hasLetter("Lê"));
        assertTrue(Text.hasLetter("在日"));
        assertFalse(Text.hasLetter("12 - 3"));
    }

    @Test
    void formulaTextIsWrittenAsText() {
        assertEquals("'=HYPERLINK(\"http://x\")", SpreadsheetText.neutralise("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd|' /C calc'!A0", SpreadsheetText.neutralise("+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(A1:A2)", SpreadsheetText.neutralise("@SUM(A1:A2)"));
        assertEquals("'-2+3", SpreadsheetText.neutralise("-2+3"));
        assertEquals("Nguyễn Thị Hương", SpreadsheetText.neutralise("Nguyễn Thị Hương"));
        assertEquals("07210", SpreadsheetText.neutralise("07210"));
    }
}
