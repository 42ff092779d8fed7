package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.common.Problem.FieldError;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

/**
 * An uploaded XLSX is a ZIP archive, and a ZIP can inflate a thousandfold: before the workbook
 * is parsed, every part is inflated once, counting (the sizes an archive declares can lie), and
 * the file is refused when it inflates past the limits. The shared-strings part is held in
 * memory whole by the reader, so it has a limit of its own; sheets are streamed.
 */
final class WorkbookInflation {
    /** A 100,000-row sheet of the template's columns inflates to about 60 MiB. */
    static final long MAX_INFLATED = 256L << 20;
    static final long MAX_SHARED_STRINGS = 32L << 20;
    static final int MAX_PARTS = 1000;

    private WorkbookInflation() {
    }

    static void check(byte[] workbook) {
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(workbook)).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (++parts > MAX_PARTS) {
                    throw refused("it has more than " + MAX_PARTS + " parts");
                }
                long limit = entry.getName().endsWith("sharedStrings.xml") ? MAX_SHARED_STRINGS : MAX_INFLATED;
                long part = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        part += n;
                        total += n;
                        if (part > limit || total > MAX_INFLATED) {
                            throw refused("it unpacks to more than " + (Math.min(limit, MAX_INFLATED) >> 20)
                                    + " MiB (a workbook of the template's 100,000 rows unpacks to about 60 MiB)");
                        }
                    }
                }
            }
            if (zip.getEntry("word/document.xml") != null) {
                // a Word document is a zip too: told apart, so the official knows what went wrong
                throw RowFile.refused("a Word document, not a workbook: fill in the Excel template and save it as .xlsx", ErrorCode.WORD_DOCUMENT);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw RowFile.refused("not a readable XLSX workbook (save it from Excel as .xlsx)", ErrorCode.NOT_A_SPREADSHEET);
        }
    }

    private static ProblemException refused(String why) {
        return new ProblemException(ProblemException.Reason.TOO_LARGE, "The workbook was not read: " + why, List.of(new FieldError("file", why, ErrorCode.WORKBOOK_TOO_LARGE)));
    }
}
