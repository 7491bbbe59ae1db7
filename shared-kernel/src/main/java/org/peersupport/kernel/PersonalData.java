package org.peersupport.kernel;

import java.util.Objects;

/**
 * A value that is about an identifiable person (a name, a contact detail, free text about them,
 * or confidential content they shared). It always names its data subject, whose key seals it
 * wherever it is stored: the event store, read models, messages. When that key is shredded the
 * value reads back as {@link #erased(String)}.
 *
 * <p>{@code toString()} never reveals the value, so a log line or exception message cannot leak it.
 */
public record PersonalData(String subject, String value) {

    public PersonalData {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }

    public static PersonalData of(String subject, String value) {
        return new PersonalData(subject, Objects.requireNonNull(value, "value"));
    }

    /** The value whose subject's key no longer exists. */
    public static PersonalData erased(String subject) {
        return new PersonalData(subject, null);
    }

    public boolean isErased() {
        return value == null;
    }

    /** The value for display to a role that may see it; a placeholder once erased. */
    public String display() {
        return value == null ? ERASED_PLACEHOLDER : value;
    }

    public static final String ERASED_PLACEHOLDER = "[erased]";

    @Override
    public String toString() {
        return "PersonalData[subject=" + subject + ", value=" + (value == null ? "erased" : "***") + "]";
    }
}
