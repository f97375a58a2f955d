package acme.payroll;

/**
 * A class of the application that embeds the library, under a top-level package of its own: what a rubric from
 * someone else must not reach; restricted-mode tests call it.
 */
public final class Payroll {

    private Payroll() {
    }

    /** Something the host would not hand to a rubric. */
    public static String secret() {
        return "the payroll database password";
    }

    /** Something the host would not let a rubric do. */
    public static void raiseEveryone() {
        throw new IllegalStateException("a restricted rubric reached the host application");
    }
}
