package vn.diaspora.registry.quarterly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.diaspora.registry.record.RecordKind;

import java.util.UUID;

/** A row read from an uploaded file: where the official sees it (sheet, line) and what it says. */
record UploadRow(String sheet, long line, RecordKind kind, String rowKey, SubmissionItem.Action action, UUID recordId,
                 Integer baseVersion, ObjectNode data, String reason) {
}
