package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordKind;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

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

    /** The file in {@code body}: XLSX by its zip signature (checked for inflation first), else a CSV of {@code csvKind} (persons when null). */
    static RowFile of(InputStream body, RecordKind csvKind) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
        in.mark(8);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length == 4 && org.dhatim.fastexcel.reader.ReadableWorkbook.isOOXMLZipHeader(magic)) {
            byte[] workbook = in.readAllBytes(); // at most the HTTP body limit; the reader would copy it whole anyway
            WorkbookInflation.check(workbook);
            return new XlsxFile(new ByteArrayInputStream(workbook));
        }
        return new CsvFile(in, csvKind == null ? RecordKind.PERSON : csvKind);
    }
}
