package org.peersupport.web;

import org.peersupport.kernel.PersonalData;

/** Converts between the API's plain strings and sealed personal values. */
final class Personal {

    private Personal() {
    }

    static PersonalData of(String subject, String value) {
        return value == null || value.isBlank() ? null : PersonalData.of(subject, value.strip());
    }

    static String show(PersonalData data) {
        return data == null ? null : data.display();
    }
}
