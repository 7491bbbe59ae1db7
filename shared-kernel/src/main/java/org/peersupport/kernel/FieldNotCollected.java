package org.peersupport.kernel;

/** A personal field the programme has declared it does not collect (data minimisation). */
public class FieldNotCollected extends RuleViolation {
    private final PersonalField field;

    public FieldNotCollected(PersonalField field) {
        super("This programme does not collect " + field);
        this.field = field;
    }

    public PersonalField field() {
        return field;
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
