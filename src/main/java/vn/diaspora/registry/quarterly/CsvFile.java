package vn.diaspora.registry.quarterly;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.record.RecordKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A CSV file of one record kind as Excel saves it: UTF-8 with or without BOM, comma or semicolon separated. */
record CsvFile(InputStream in, RecordKind kind) implements RowFile {
    private static final String SHEET = "CSV";
    private static final String NOT_UTF8 = "the file is not UTF-8 text: in Excel, save it as 'CSV UTF-8'";
    /** Separators Excel or another program may have used instead of the comma or semicolon, by their names. */
    private static final java.util.Map<Character, ErrorCode> OTHER_SEPARATORS = java.util.Map.of('\t', ErrorCode.TAB_SEPARATED, '|', ErrorCode.PIPE_SEPARATED);

    @Override
    public void read(RowParser rows) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            reader.mark(1 << 16);
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw RowFile.refused("the file is empty: expected a header row and data rows", ErrorCode.EMPTY_FILE);
            }
            reader.reset();
            if (header.startsWith("\uFEFF")) {
                reader.skip(1);
            }
            char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
            for (var other : OTHER_SEPARATORS.entrySet()) {
                if (count(header, other.getKey()) > count(header, delimiter)) {
                    throw RowFile.refused(other.getValue().english(), other.getValue());
                }
            }
            CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                RowParser.Sheet sheet = rows.sheet(SHEET, kind, parser.getHeaderNames());
                for (CSVRecord record : parser) {
                    if (rows.full()) {
                        break;
                    }
                    rows.line(sheet, record.getRecordNumber() + 1,
                            c -> c < record.size() && !record.get(c).isEmpty() ? record.get(c) : null);
                }
            }
        } catch (CharacterCodingException e) {
            throw RowFile.refused(NOT_UTF8, ErrorCode.NOT_UTF8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw RowFile.refused("not a readable CSV file: " + e.getMessage(), ErrorCode.FORMAT);
        } catch (UncheckedIOException | IOException e) {
            if (e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException) {
                throw RowFile.refused(NOT_UTF8, ErrorCode.NOT_UTF8);
            }
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
        rows.finish();
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
