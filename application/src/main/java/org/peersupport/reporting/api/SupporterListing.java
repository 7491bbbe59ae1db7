package org.peersupport.reporting.api;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.pcollections.HashTreePSet;
import org.pcollections.PSet;
import org.springframework.data.annotation.Id;

/**
 * A supporter in the directory. Immutable: each transition returns the next state. Places held
 * are kept as the set of matches holding them, so applying an event twice changes nothing; in a
 * persistent set, so taking or freeing a place does not copy the set (with a high capacity a
 * supporter can hold hundreds: in the benchmark, up to 281 at once).
 */
public record SupporterListing(
        @Id String supporterId,
        String programmeId,
        PersonalData name,
        PersonalData workEmail,
        PersonalData schoolName,
        PersonalData background,
        String region,
        Phase phase,
        Set<SchoolType> schoolTypes,
        SizeBand sizeBand,
        Set<String> areasHandled,
        boolean formerHead,
        SupporterStatus status,
        int capacity,
        Set<String> placesHeld,
        boolean available,
        Set<EligibilityCriterion> evidenced,
        LocalDate registeredOn,
        LocalDate approvedOn,
        LocalDate supervisionDue,
        boolean supervisionOverdue,
        Set<EligibilityCriterion> recheck) {

    public SupporterListing {
        schoolTypes = Set.copyOf(schoolTypes);
        areasHandled = Set.copyOf(areasHandled);
        placesHeld = placesHeld instanceof PSet<String> persistent ? persistent : HashTreePSet.from(placesHeld);
        evidenced = Set.copyOf(evidenced);
        recheck = recheck == null ? Set.of() : Set.copyOf(recheck);
        available = status == SupporterStatus.APPROVED && placesHeld.size() < capacity;
    }

    public SupporterListing withStatus(SupporterStatus next) {
        return new SupporterListing(supporterId, programmeId, name, workEmail, schoolName, background, region, phase,
                schoolTypes, sizeBand, areasHandled, formerHead, next, capacity, placesHeld, false, evidenced,
                registeredOn, approvedOn, supervisionDue, supervisionOverdue, recheck);
    }

    public SupporterListing approved(LocalDate on) {
        return new SupporterListing(supporterId, programmeId, name, workEmail, schoolName, background, region, phase,
                schoolTypes, sizeBand, areasHandled, formerHead, SupporterStatus.APPROVED, capacity, placesHeld, false,
                evidenced, registeredOn, on, supervisionDue, supervisionOverdue, recheck);
    }

    public SupporterListing withEvidence(EligibilityCriterion criterion) {
        Set<EligibilityCriterion> more = new HashSet<>(evidenced);
        more.add(criterion);
        return new SupporterListing(supporterId, programmeId, name, workEmail, schoolName, background, region, phase,
                schoolTypes, sizeBand, areasHandled, formerHead, status, capacity, placesHeld, false, more,
                registeredOn, approvedOn, supervisionDue, supervisionOverdue, recheck);
    }

    /** The next supervision date; {@code overdue} once it passed without one. */
    public SupporterListing withSupervision(LocalDate due, boolean overdue) {
        return new SupporterListing(supporterId, programmeId, name, workEmail, schoolName, background, region, phase,
                schoolTypes, sizeBand, areasHandled, formerHead, status, capacity, placesHeld, false, evidenced,
                registeredOn, approvedOn, due, overdue, recheck);
    }

    public SupporterListing withRecheck(EligibilityCriterion criterion, boolean needed) {
        Set<EligibilityCriterion> now = new HashSet<>(recheck);
        if (needed) {
            now.add(criterion);
        } else {
            now.remove(criterion);
        }
        return new SupporterListing(supporterId, programmeId, name, workEmail, schoolName, background, region, phase,
                schoolTypes, sizeBand, areasHandled, formerHead, status, capacity, placesHeld, false, evidenced,
                registeredOn, approvedOn, supervisionDue, supervisionOverdue, now);
    }

    public SupporterListing withPlace(String matchId, boolean held) {
        PSet<String> places = (PSet<String>) placesHeld;
        places = held ? places.plus(matchId) : places.minus(matchId);
        return new SupporterListing(supporterId, programmeId, name, workEmail, schoolName, background, region, phase,
                schoolTypes, sizeBand, areasHandled, formerHead, status, capacity, places, false, evidenced,
                registeredOn, approvedOn, supervisionDue, supervisionOverdue, recheck);
    }
}
