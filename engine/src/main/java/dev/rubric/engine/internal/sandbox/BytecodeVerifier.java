package dev.rubric.engine.internal.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The check of restricted mode: every class a rubric compiled to — conditions, consequences, functions, declared
 * types and the rule definitions around them — is read as bytecode, and every member it refers to, every
 * {@code invokedynamic} and every exception it catches must be allowed. What is not allowed is refused.
 *
 * <p>Design notes. The check reads what will run, not the rule text, so it does not depend on how the DRL, MVEL and
 * Java lexers read strings, escapes, comments or names: a {@code \u0053ystem} in a string, a {@code declare System}
 * or a rubric in a host's package all end as the same bytecode reference, {@code java/lang/System.exit(I)V}, which is
 * not on the list. A member is allowed when
 * <ul>
 *   <li>its owner is a class of the rubric itself (whose code is checked in turn),</li>
 *   <li>its owner is a class of the fact model ({@code dev.rubric.model}, or a package the loader allows), or</li>
 *   <li>the {@link Allowlist} lists it for its owner or, for an instance method, for a supertype of its owner,</li>
 * </ul>
 * and its name is none of the doors to reflection and monitors ({@code getClass}, {@code getDeclaringClass},
 * {@code wait}…), whatever the owner. Capabilities that arrive through return values are covered because every
 * call on the returned object is itself a member reference. A lambda's target method is checked as if called, and
 * its interface must be a listed functional type. Code may not catch {@link Error}s or use {@code finally}
 * (which would let it swallow {@link BudgetExceeded}), synchronize, write static fields outside its own class
 * initializer, or use {@code multianewarray}, dynamic constants or method handles.
 */
public final class BytecodeVerifier {

    /** Names refused on any owner: reflection, monitors, stack traces, finalization. */
    private static final Set<String> DENIED_NAMES = Set.of("getClass", "getDeclaringClass", "getClassLoader", "wait", "notify", "random",
            "notifyAll", "finalize", "describeConstable", "resolveConstantDesc", "getStackTrace", "setStackTrace", "fillInStackTrace",
            "printStackTrace", "getSuppressed", "addSuppressed", "getCause", "initCause", "clone");
    private static final Set<String> SUPERCLASSES = Set.of("java/lang/Object", "java/lang/Enum", "java/lang/Record");
    private static final Set<String> INTERFACES = Set.of("java/io/Serializable", "java/lang/Comparable",
            "org/drools/base/factmodel/GeneratedFact", "org/drools/base/factmodel/AccessibleFact", "org/drools/model/Model",
            "org/drools/model/DomainClassMetadata", "org/drools/model/functions/HashedExpression");
    /** The compiler's lazily made table of a switch on an enum: a synthetic method that fills a synthetic static field. */
    private static final String SWITCH_TABLE = "$SWITCH_TABLE$";
    private static final String DSL = "org/drools/modelcompiler/dsl/pattern/D";
    private static final String SCORE = "score";
    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";

    /** One reference that is not allowed, in the class and method that makes it. */
    /**
     * @param owner the class whose member is referenced (internal name), when allowing that class's package would lift
     *              the refusal; null when nothing lifts it (a denied member, a catch, a static write…)
     */
    public record Finding(String className, String methodName, String what, String name, String owner) {
    }

    private final Allowlist allowlist;
    private final Set<String> own;
    private final Predicate<String> factModel;
    private final ClassLoader loader;
    private final Set<String> exempt;

    /**
     * @param allowlist the members allowed beyond the rubric's own and the fact model's
     * @param own       the internal names of the rubric's own classes
     * @param factModel whether an internal class name belongs to the fact model
     * @param loader    where the supertypes of library classes are looked up
     * @param exempt    classes the engine generates from its own input only (the project model), not checked
     */
    public BytecodeVerifier(Allowlist allowlist, Set<String> own, Predicate<String> factModel, ClassLoader loader, Set<String> exempt) {
        this.allowlist = allowlist;
        this.own = own;
        this.factModel = factModel;
        this.loader = loader;
        this.exempt = exempt;
    }

    /** Every reference of the given classes that is not allowed; none when the code may run restricted. */
    public List<Finding> verify(Map<String, byte[]> classes) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            if (exempt.contains(c.getKey())) {
                continue;
            }
            ClassNode node = new ClassNode();
            new ClassReader(c.getValue()).accept(node, ClassReader.SKIP_FRAMES);
            verify(node, findings);
        }
        return findings;
    }

    private void verify(ClassNode c, List<Finding> out) {
        if (c.superName != null && !SUPERCLASSES.contains(c.superName) && !own.contains(c.superName)) {
            out.add(new Finding(c.name, null, "extends [" + javaName(c.superName) + "]", javaName(c.superName), null));
        }
        for (String i : c.interfaces) {
            if (!INTERFACES.contains(i) && !own.contains(i) && !allowlist.allowsType(i)) {
                out.add(new Finding(c.name, null, "implements [" + javaName(i) + "]", javaName(i), null));
            }
        }
        for (MethodNode m : c.methods) {
            if ((m.access & Opcodes.ACC_NATIVE) != 0) {
                out.add(new Finding(c.name, m.name, "declares a native method", m.name, null));
            }
            if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                out.add(new Finding(c.name, m.name, "synchronizes (a synchronized method)", "synchronized", null));
            }
            boolean switchTable = (m.access & Opcodes.ACC_SYNTHETIC) != 0 && m.name.startsWith(SWITCH_TABLE);
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (switchTable && "java/lang/NoSuchFieldError".equals(t.type)) {
                    continue; // the compiler's own table for a switch on an enum
                }
                if (t.type == null) {
                    out.add(new Finding(c.name, m.name, "uses finally, synchronized or try-with-resources, which could swallow the "
                            + "evaluation's time limit; catch the exceptions you expect instead", "finally", null));
                } else if (!allowlist.allowsType(t.type)) {
                    out.add(new Finding(c.name, m.name, "catches [" + javaName(t.type) + "]; only exceptions such as "
                            + "ArithmeticException or RuntimeException may be caught", javaName(t.type), null));
                }
            }
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                String refused = check(c, m, insn);
                if (refused != null) {
                    out.add(new Finding(c.name, m.name, refused, nameOf(insn), liftableOwner(insn)));
                }
            }
        }
    }

    /** Why an instruction is refused, or null when it is allowed. */
    private String check(ClassNode c, MethodNode m, AbstractInsnNode insn) {
        if (insn instanceof MethodInsnNode call && call.owner.equals(DSL) && call.name.equals("globalOf")
                && insn.getPrevious() instanceof LdcInsnNode name && name.cst instanceof String global && !global.equals(SCORE)) {
            return "declares the global [" + global + "]; a restricted rubric has one global, the score sheet [score], and no other is set";
        }
        if (insn instanceof MethodInsnNode call) {
            return member(call.owner, call.name, call.desc, call.getOpcode() != Opcodes.INVOKESTATIC) ? null
                    : "calls [" + describe(call.owner, call.name, call.desc) + "]";
        }
        if (insn instanceof FieldInsnNode field) {
            return field(c, m, field);
        }
        if (insn instanceof InvokeDynamicInsnNode indy) {
            return dynamic(indy);
        }
        if (insn instanceof LdcInsnNode ldc && (ldc.cst instanceof Handle || ldc.cst instanceof ConstantDynamic
                || ldc.cst instanceof Type t && t.getSort() == Type.METHOD)) {
            return "uses a method handle or dynamic constant";
        }
        if (insn instanceof org.objectweb.asm.tree.TypeInsnNode type && type.getOpcode() == Opcodes.NEW && type.desc.equals("java/lang/Object")) {
            return "makes a plain [java.lang.Object], whose identity (hash code, text) differs from run to run";
        }
        if (insn instanceof MultiANewArrayInsnNode) {
            return "makes a multi-dimensional array";
        }
        if (insn instanceof InsnNode && (insn.getOpcode() == Opcodes.MONITORENTER || insn.getOpcode() == Opcodes.MONITOREXIT)) {
            return "synchronizes (a synchronized block)";
        }
        return null;
    }

    private String field(ClassNode c, MethodNode m, FieldInsnNode f) {
        boolean write = f.getOpcode() == Opcodes.PUTSTATIC || f.getOpcode() == Opcodes.PUTFIELD;
        if (own.contains(f.owner)) {
            boolean switchTable = (m.access & Opcodes.ACC_SYNTHETIC) != 0 && m.name.startsWith(SWITCH_TABLE) && f.name.equals(m.name);
            if (f.getOpcode() == Opcodes.PUTSTATIC && !switchTable && !(f.owner.equals(c.name) && m.name.equals("<clinit>"))) {
                return "writes the static field [" + javaName(f.owner) + "." + f.name + "], which every evaluation shares";
            }
            return null;
        }
        if (write) {
            return "writes the field [" + javaName(f.owner) + "." + f.name + "]";
        }
        if (f.owner.equals("org/drools/model/Rule$Attribute") && !allowlist.allows(f.owner, f.name, "*")) {
            return "has the attribute [" + f.name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + "], which schedules work on the engine's own threads";
        }
        if (factModel.test(f.owner) || allowlist.allows(f.owner, f.name, "*") || allowlist.allows(f.owner, f.name, f.desc)) {
            return null;
        }
        return "reads the field [" + javaName(f.owner) + "." + f.name + "]";
    }

    private String dynamic(InvokeDynamicInsnNode indy) {
        Handle bsm = indy.bsm;
        if (bsm.getOwner().equals(CONCAT_FACTORY)) {
            return null; // string concatenation: the recipe only joins the given values
        }
        if (!bsm.getOwner().equals(LAMBDA_FACTORY) || indy.bsmArgs.length < 3 || !(indy.bsmArgs[1] instanceof Handle target)) {
            return "uses invokedynamic with [" + javaName(bsm.getOwner()) + "." + bsm.getName() + "]";
        }
        String iface = Type.getReturnType(indy.desc).getInternalName();
        if (!own.contains(iface) && !allowlist.allowsType(iface)) {
            return "makes a lambda of [" + javaName(iface) + "]";
        }
        boolean instance = target.getTag() != Opcodes.H_INVOKESTATIC && target.getTag() != Opcodes.H_NEWINVOKESPECIAL;
        String name = target.getTag() == Opcodes.H_NEWINVOKESPECIAL ? "<init>" : target.getName();
        return member(target.getOwner(), name, target.getDesc(), instance) ? null
                : "refers to [" + describe(target.getOwner(), name, target.getDesc()) + "]";
    }

    /** Whether a method may be called (or referred to by a lambda). */
    boolean member(String owner, String name, String desc, boolean instance) {
        if (DENIED_NAMES.contains(name)) {
            return owner.startsWith("[") && name.equals("clone");
        }
        if (owner.startsWith("[")) {
            return true; // arrays have no methods beyond Object's
        }
        if (own.contains(owner) || factModel.test(owner) || allowlist.allows(owner, name, desc)) {
            return true;
        }
        if (!instance) {
            return false;
        }
        // an instance method is the same contract on every subtype: allowed when a supertype lists it
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(owner);
        while (!todo.isEmpty()) {
            String t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (!t.equals(owner) && allowlist.allows(t, name, desc)) {
                return true;
            }
            todo.addAll(supertypes(t));
        }
        return false;
    }

    private List<String> supertypes(String internalName) {
        List<String> out = new ArrayList<>();
        try {
            Class<?> c = Class.forName(internalName.replace('/', '.'), false, loader);
            if (c.getSuperclass() != null) {
                out.add(Type.getInternalName(c.getSuperclass()));
            }
            for (Class<?> i : c.getInterfaces()) {
                out.add(Type.getInternalName(i));
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // a type that cannot be found has no supertypes to allow a member through
        }
        return out;
    }

    /** The owner whose package, if allowed, would allow the reference; null when the name itself is denied. */
    private static String liftableOwner(AbstractInsnNode insn) {
        if (insn instanceof MethodInsnNode call) {
            return DENIED_NAMES.contains(call.name) ? null : call.owner;
        }
        if (insn instanceof FieldInsnNode f) {
            return f.getOpcode() == Opcodes.GETSTATIC || f.getOpcode() == Opcodes.GETFIELD ? f.owner : null;
        }
        return null;
    }

    private static String nameOf(AbstractInsnNode insn) {
        if (insn instanceof MethodInsnNode call) {
            return call.name.equals("<init>") ? call.owner.substring(call.owner.lastIndexOf('/') + 1) : call.name;
        }
        if (insn instanceof FieldInsnNode f) {
            return f.name;
        }
        if (insn instanceof InvokeDynamicInsnNode indy && indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle h) {
            return h.getName();
        }
        return null;
    }

    /** A member as a Java programmer writes it: {@code java.lang.System.exit(int)}. */
    static String describe(String owner, String name, String desc) {
        StringBuilder s = new StringBuilder(javaName(owner));
        if (name.equals("<init>")) {
            s.insert(0, "new ");
        } else {
            s.append('.').append(name);
        }
        s.append('(');
        Type[] args = Type.getArgumentTypes(desc);
        for (int i = 0; i < args.length; i++) {
            s.append(i == 0 ? "" : ", ").append(simple(args[i].getClassName()));
        }
        return s.append(')').toString();
    }

    private static String simple(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    static String javaName(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    /** The rubric's own classes among a compiled module's files, by internal name. */
    public static Set<String> names(Set<String> classFiles) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : classFiles) {
            out.add(f.substring(0, f.length() - ".class".length()));
        }
        return out;
    }
}
