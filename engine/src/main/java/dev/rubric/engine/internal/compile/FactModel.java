package dev.rubric.engine.internal.compile;

/** The classes of the department fact model, whose members restricted rubric code may use. */
public final class FactModel {

    private static final String PACKAGE = "dev/rubric/model/";

    private FactModel() {
    }

    /** Whether a class belongs to the fact model, by its name. */
    public static boolean contains(Class<?> type) {
        return contains(type.getName().replace('.', '/'));
    }

    /**
     * Whether a class is one of the fact model's own records: of the model by name, and loaded with the model (not a class
     * another loader put in its package), so its accessors are the records' own.
     */
    public static boolean ownRecord(Class<?> type) {
        return type.isRecord() && contains(type) && type.getClassLoader() == dev.rubric.model.Department.class.getClassLoader();
    }

    /** Whether a class, by its JVM internal name ({@code dev/rubric/model/TargetTask}), belongs to the fact model. */
    public static boolean contains(String internalName) {
        return internalName.startsWith(PACKAGE) && internalName.indexOf('/', PACKAGE.length()) < 0;
    }
}
