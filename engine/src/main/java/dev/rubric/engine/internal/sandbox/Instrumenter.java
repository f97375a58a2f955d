package dev.rubric.engine.internal.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a rubric's compiled classes so that they report to {@link Budget}: each method enters and exits it
 * (returning or throwing), each backward jump and each array made counts against it. The numbers passed are
 * sites, one per class, so a budget error can name the rule whose code ran; {@link #sites()} gives the class of each.
 *
 * <p>Design notes. The rewrite adds only stack-neutral static calls, a local past the method's own that keeps the meter
 * {@link Budget#enter} returned (so {@link Budget#exit} needs no second lookup), plus one handler per method that covers its
 * whole body, calls {@link Budget#exit} and rethrows; it is added last, so it never shadows a handler of the method.
 * Constructors are not wrapped (code before their {@code super(...)} call cannot be covered by a handler); their
 * loops and arrays are counted like any other. Frames are computed again, with the rubric's own classes read from
 * their bytes and every other class from the class loader.
 */
public final class Instrumenter {

    private static final String BUDGET = Type.getInternalName(Budget.class);
    private static final String METER = Type.getDescriptor(Budget.Meter.class);

    private final Map<String, byte[]> classes;
    private final ClassLoader loader;
    private final Map<Integer, String> sites = new LinkedHashMap<>();

    /**
     * @param classes the rubric's compiled classes by internal name
     * @param loader  where every other class is found
     */
    public Instrumenter(Map<String, byte[]> classes, ClassLoader loader) {
        this.classes = classes;
        this.loader = loader;
    }

    /** The class and method ({@code class#method}, internal names) of each site number given to {@link Budget}. */
    public Map<Integer, String> sites() {
        return sites;
    }

    /** The rewritten bytes of every class, by internal name. */
    public Map<String, byte[]> instrumentAll() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            out.put(c.getKey(), instrument(c.getKey(), c.getValue()));
        }
        return out;
    }

    private byte[] instrument(String name, byte[] bytes) {
        ClassNode c = new ClassNode();
        new ClassReader(bytes).accept(c, ClassReader.SKIP_FRAMES);
        for (MethodNode m : c.methods) {
            if (m.instructions.size() > 0) {
                int site = sites.size();
                sites.put(site, name + "#" + m.name);
                instrument(m, site);
            }
        }
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return commonSuperClass(a, b);
            }

            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        c.accept(w);
        return w.toByteArray();
    }

    private static void instrument(MethodNode m, int site) {
        Set<LabelNode> seen = new HashSet<>();
        InsnList code = m.instructions;
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LabelNode label) {
                seen.add(label);
            } else if (insn instanceof JumpInsnNode jump && seen.contains(jump.label)
                    || insn instanceof TableSwitchInsnNode t && (seen.contains(t.dflt) || t.labels.stream().anyMatch(seen::contains))
                    || insn instanceof LookupSwitchInsnNode l && (seen.contains(l.dflt) || l.labels.stream().anyMatch(seen::contains))) {
                code.insertBefore(insn, call("loop", site));
            } else if (insn.getOpcode() == Opcodes.NEWARRAY || insn.getOpcode() == Opcodes.ANEWARRAY) {
                InsnList check = new InsnList();
                check.add(new InsnNode(Opcodes.DUP));
                check.add(new LdcInsnNode(site));
                check.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BUDGET, "array", "(II)V", false));
                code.insertBefore(insn, check);
            }
        }
        if (m.name.equals("<init>")) {
            return;
        }
        int meter = m.maxLocals; // a local of its own past the method's, holding the meter entered
        m.maxLocals++;
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                code.insertBefore(insn, exit(meter));
            }
        }
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        InsnList head = new InsnList();
        head.add(new LdcInsnNode(site));
        head.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BUDGET, "enter", "(I)" + METER, false));
        head.add(new VarInsnNode(Opcodes.ASTORE, meter));
        head.add(start);
        code.insert(head);
        code.add(end);
        code.add(handler);
        code.add(exit(meter));
        code.add(new InsnNode(Opcodes.ATHROW));
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    private static InsnList exit(int meter) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, meter));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BUDGET, "exit", "(" + METER + ")V", false));
        return l;
    }

    private static InsnList call(String method, int site) {
        InsnList l = new InsnList();
        l.add(new LdcInsnNode(site));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BUDGET, method, "(I)V", false));
        return l;
    }

    /** The nearest common superclass of two classes, for the frames of the rewritten code. */
    private String commonSuperClass(String a, String b) {
        List<String> chainA = chain(a);
        List<String> chainB = chain(b);
        if (chainA == null || chainB == null) {
            return "java/lang/Object";
        }
        for (String s : chainA) {
            if (chainB.contains(s)) {
                return s;
            }
        }
        return "java/lang/Object";
    }

    /** A class and its superclasses, nearest first; null when it is an interface or cannot be found. */
    private List<String> chain(String name) {
        List<String> out = new java.util.ArrayList<>();
        String at = name;
        while (at != null) {
            out.add(at);
            byte[] own = classes.get(at);
            if (own != null) {
                ClassReader r = new ClassReader(own);
                if ((r.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
                    return null;
                }
                at = r.getSuperName();
            } else {
                try {
                    Class<?> c = Class.forName(at.replace('/', '.'), false, loader);
                    if (c.isInterface()) {
                        return null;
                    }
                    at = c.getSuperclass() == null ? null : Type.getInternalName(c.getSuperclass());
                } catch (ClassNotFoundException | LinkageError e) {
                    return null;
                }
            }
        }
        return out;
    }
}
