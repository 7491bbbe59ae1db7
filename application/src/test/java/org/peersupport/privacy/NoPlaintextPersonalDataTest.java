package org.peersupport.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Walks every record in every module's {@code api} package (every command, event, query and view
 * that can travel as a message or be stored), plants a canary in each personal field, serializes
 * it with the application's own serializer, and proves no canary reaches the bytes. A second rule
 * keeps free text out: a String component must be an identifier or a code named below, so adding
 * a personal field as a plain String fails the build.
 */
@PeerSupportTest
class NoPlaintextPersonalDataTest {

    /** String components that hold identifiers or codes, never text about a person. */
    private static final Set<String> NON_PERSONAL_STRINGS = Set.of("subject", "headSubject", "region", "area",
            "rule", "message", "key", "type", "aggregateType", "actor", "term", "missedTerms");

    /** A programme's own name (e.g. "County headteacher peer support") is about an organisation. */
    private static final Set<String> ORGANISATION_NAMES = Set.of("ProgrammeDefined.name", "DefineProgramme.name",
            "ProgrammeView.name");

    @Autowired
    Serializer serializer;

    @Test
    void noRecordThatTravelsOrIsStoredCarriesPersonalDataInPlaintext() throws Exception {
        List<Class<?>> records = apiRecords();
        assertThat(records).as("the walk finds the event vocabulary").hasSizeGreaterThan(60)
                .extracting(Class::getSimpleName)
                .contains("SupportRequested", "MatchProposed", "MatchAccepted", "SessionHeld", "CycleClosed",
                        "SupporterRegistered", "FeedbackGiven");
        int canaries = 0;
        for (Class<?> type : records) {
            List<String> planted = new ArrayList<>();
            Object instance = build(type, planted);
            SerializedObject<byte[]> bytes = serializer.serialize(instance, byte[].class);
            String text = new String(bytes.getData(), StandardCharsets.UTF_8);
            for (String canary : planted) {
                assertThat(text).as(type.getSimpleName() + " leaks " + canary).doesNotContain(canary);
            }
            Object back = serializer.deserialize(bytes);
            assertThat(back).as(type.getSimpleName() + " reads back whole").isEqualTo(instance);
            canaries += planted.size();
        }
        assertThat(canaries).as("personal fields found and tested").isGreaterThan(15);
    }

    @Test
    void stringComponentsAreIdentifiersOrCodesNeverFreeText() throws Exception {
        Set<String> offenders = new TreeSet<>();
        for (Class<?> type : apiRecords()) {
            for (RecordComponent c : type.getRecordComponents()) {
                boolean text = c.getType() == String.class || isCollectionOf(c.getGenericType(), String.class);
                String name = c.getName();
                if (text && !(name.endsWith("Id") || name.endsWith("Ids") || NON_PERSONAL_STRINGS.contains(name)
                        || name.startsWith("areas") || name.equals("profilesShared") || name.equals("regions")
                        || name.endsWith("Matches") || name.equals("sessions") || name.equals("placesHeld")
                        || ORGANISATION_NAMES.contains(type.getSimpleName() + "." + name))) {
                    offenders.add(type.getSimpleName() + "." + name);
                }
            }
        }
        assertThat(offenders).as("String fields that may hold personal text: make them PersonalData").isEmpty();
    }

    private static boolean isCollectionOf(Type type, Class<?> element) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] == element;
    }

    static List<Class<?>> apiRecords() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.peersupport")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            if (type.isRecord() && type.getPackageName().endsWith(".api")) {
                found.add(type);
            }
        }
        return found;
    }

    private static Object build(Class<?> type, List<String> planted) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = valueFor(components[i], planted);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object valueFor(RecordComponent c, List<String> planted) throws Exception {
        Class<?> t = c.getType();
        if (t == PersonalData.class) {
            String canary = "CANARY-" + c.getDeclaringRecord().getSimpleName() + "-" + c.getName();
            planted.add(canary);
            return PersonalData.of("subject-under-test", canary);
        }
        if (t == String.class) {
            return c.getName() + "-1";
        }
        if (t == int.class || t == Integer.class) {
            return 1;
        }
        if (t == long.class || t == Long.class) {
            return 1L;
        }
        if (t == double.class || t == Double.class) {
            return 0.5;
        }
        if (t == boolean.class || t == Boolean.class) {
            return true;
        }
        if (t == LocalDate.class) {
            return LocalDate.of(2026, 9, 7);
        }
        if (t == java.time.LocalTime.class) {
            return java.time.LocalTime.of(10, 0);
        }
        if (t == Instant.class) {
            return Instant.parse("2026-09-07T10:00:00Z");
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == org.peersupport.kernel.TermCalendar.class) {
            return org.peersupport.kernel.TermCalendar.englandTypical(2026, 2026);
        }
        if (t == org.peersupport.kernel.Boundaries.class) {
            return new org.peersupport.kernel.Boundaries(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(15, 30),
                    90, true);
        }
        if (t == ProgrammeRules.class) {
            return ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules();
        }
        if (t == Set.class) {
            return Set.of(elementFor(c.getGenericType(), planted));
        }
        if (t == List.class) {
            return List.of(elementFor(c.getGenericType(), planted));
        }
        if (t == Map.class) {
            return Map.of();
        }
        if (t.isRecord()) {
            return build(t, planted);
        }
        throw new IllegalStateException("No test value for " + c);
    }

    private static Object elementFor(Type collection, List<String> planted) throws Exception {
        Type element = ((ParameterizedType) collection).getActualTypeArguments()[0];
        if (element == String.class) {
            return "code-1";
        }
        if (element instanceof Class<?> e && e.isEnum()) {
            return e.getEnumConstants()[0];
        }
        if (element instanceof Class<?> e && e.isRecord()) {
            return build(e, planted);
        }
        throw new IllegalStateException("No test element for " + collection);
    }
}
