package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.record.RecordKind;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An uploaded file of submission rows, read streaming: its sheets' header lines and then their
 * lines of cells go to a {@link RowParser}, which alone decides what the cells mean. A format is
 * one implementation of this; the rest of the quarterly cycle never sees which one it was.
 */
sealed interface RowFile permits CsvFile, XlsxFile {

    /** Cell values of one line by column index: String, BigDecimal, LocalDate, Boolean or null. */
    interface Cells {
        Object get(int column);
    }

    /** Reads every sheet into {@code rows}; throws the file's problems (422) when there are any. */
    void read(RowParser rows);

    /** The file as a whole is refused: why, in the words of the code's texts. */
    static ProblemException refused(String message, ErrorCode code) {
        return ProblemException.invalid(List.of(new FieldError("file", message, code)));
    }

    /** The file in {@code body}: XLSX by its zip signature (checked for inflation first), else a CSV of {@code csvKind} (persons when null). */
    static RowFile of(InputStream body, RecordKind csvKind) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
        in.mark(8);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length == 0) {
            throw refused("the file is empty", ErrorCode.EMPTY_FILE);
        }
        if (startsWith(magic, 0x25, 0x50, 0x44, 0x46) || startsWith(magic, 0x89, 0x50, 0x4E, 0x47) || startsWith(magic, 0xFF, 0xD8, 0xFF)
                || startsWith(magic, 0x47, 0x49, 0x46, 0x38)) {
            throw refused("a PDF document or an image, not a spreadsheet", ErrorCode.NOT_A_SPREADSHEET);
        }
        if (startsWith(magic, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw refused("an Excel 97-2003 or Word 97-2003 file: save it as .xlsx", ErrorCode.OLD_EXCEL);
        }
        if (magic.length == 4 && org.dhatim.fastexcel.reader.ReadableWorkbook.isOOXMLZipHeader(magic)) {
            byte[] workbook = in.readAllBytes(); // at most the HTTP body limit; the reader would copy it whole anyway
            WorkbookInflation.check(workbook);
            return new XlsxFile(new ByteArrayInputStream(workbook));
        }
        return new CsvFile(in, csvKind == null ? RecordKind.PERSON : csvKind);
    }

    /** PDF (%PDF), PNG, JPEG and GIF by their first bytes; an old Office file by its compound-file signature. */
    private static boolean startsWith(byte[] magic, int... signature) {
        if (magic.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((magic[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
