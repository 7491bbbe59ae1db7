package org.peersupport.supporter.api;

import java.util.Set;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;

/**
 * What a head is shown of a supporter (seed 000's profiles: region, size, school type, a short
 * background) and what matching uses. Personal fields are null where the programme does not
 * collect them.
 */
public record SupporterProfile(
        PersonalData name,
        PersonalData workEmail,
        PersonalData schoolName,
        PersonalData background,
        String region,
        Phase phase,
        Set<SchoolType> schoolTypes,
        SizeBand sizeBand,
        Set<String> areasHandled,
        boolean formerHead) {

    public SupporterProfile {
        schoolTypes = schoolTypes == null ? Set.of() : Set.copyOf(schoolTypes);
        areasHandled = areasHandled == null ? Set.of() : Set.copyOf(areasHandled);
    }
}
