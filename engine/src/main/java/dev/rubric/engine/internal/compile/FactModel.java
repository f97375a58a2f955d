package dev.rubric.engine.internal.compile;

/** The classes of the department fact model, whose members restricted rubric code may use. */
public final class FactModel {

    private static final String PACKAGE = "dev/rubric/model/";

    private FactModel() {
    }

    /** Whether a class, by its JVM internal name ({@code dev/rubric/model/TargetTask}), belongs to the fact model. */
    public static boolean contains(String internalName) {
        return internalName.startsWith(PACKAGE) && internalName.indexOf('/', PACKAGE.length()) < 0;
    }
}
