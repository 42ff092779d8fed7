package vn.diaspora.registry.common;

import java.util.UUID;

/** An answer that names the resource it is about (so that a replay can read that resource again). */
public interface Identified {
    UUID id();
}
