package vn.diaspora.registry.record;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of registry record, each described once: its collection (the API path, the audit and
 * version name), its table, its sealed fields and its personal fields. Everything that treats
 * records alike reads this instead of naming another feature's table or fields: encryption at
 * rest, redaction, erasure, statistics, quarterly rows. A new sealed field is one entry here.
 */
@Schema(name = "RecordKind")
public enum RecordKind {
    PERSON("persons", "person", "Person",
            List.of("contacts", "relativesContact", "notes"),
            List.of("fullName", "foreignName", "birthName", "birthDate", "birthYear", "city",
                    "occupation", "expertise", "employer", "contacts", "relativesContact", "consent", "notes")),
    ASSOCIATION("associations", "association", "Association",
            List.of("contacts", "notes"), List.of("contacts", "notes")),
    BUSINESS("businesses", "business", "Business",
            List.of("contacts", "notes"), List.of("contacts", "notes")),
    CONTRIBUTION("contributions", "contribution", "Contribution", List.of(), List.of());

    private final String collection;
    private final String table;
    private final String noun;
    private final List<String> sealed;
    private final List<String> personal;

    RecordKind(String collection, String table, String noun, List<String> sealed, List<String> personal) {
        this.collection = collection;
        this.table = table;
        this.noun = noun;
        this.sealed = sealed;
        this.personal = personal;
    }

    /** The name in API paths, audit events and record versions, e.g. "persons". */
    public String collection() {
        return collection;
    }

    public String table() {
        return table;
    }

    /** What one record is called in messages, e.g. "Person". */
    public String noun() {
        return noun;
    }

    /**
     * Contacts and notes, by JSON name: encrypted at rest (in the record, its versions and
     * submission rows) and shown only to callers who may write the record.
     */
    public List<String> sealed() {
        return sealed;
    }

    /** The sealed fields' columns in {@link #table()}. */
    public List<String> sealedColumns() {
        return sealed.stream().map(RecordKind::column).toList();
    }

    /** Fields that identify or describe a person, by JSON name: what erasure removes. */
    public List<String> personal() {
        return personal;
    }

    /** Every field sealed in some kind: the fields to seal in documents that may hold any kind. */
    public static List<String> sealedAnywhere() {
        return Arrays.stream(values()).flatMap(k -> k.sealed.stream()).distinct().toList();
    }

    public static RecordKind ofCollection(String collection) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(collection)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no record kind " + collection));
    }

    /** relativesContact → relatives_contact */
    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
