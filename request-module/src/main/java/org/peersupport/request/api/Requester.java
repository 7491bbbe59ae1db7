package org.peersupport.request.api;

import java.util.Set;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;

/** Who asked and about which school. Personal fields are null where the programme does not collect them; the subject names the head, whose key seals them. */
public record Requester(String subject, PersonalData name, PersonalData workEmail, PersonalData schoolName, RequesterRole role, String region, Phase phase, Set<SchoolType> schoolTypes, SizeBand sizeBand) {
}
