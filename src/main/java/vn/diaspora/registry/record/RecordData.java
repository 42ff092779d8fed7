package vn.diaspora.registry.record;

/** The writable part of a record (a request body of POST and PUT, the target of PATCH). */
public interface RecordData {
    /** The unit that reports the record; optional on writes (derived when absent). */
    String reportingUnit();
}
