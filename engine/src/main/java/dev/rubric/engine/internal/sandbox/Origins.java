package dev.rubric.engine.internal.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which part of the rule files each compiled class came from: a rule (its conditions and consequence are classes
 * of their own, referred to by the method that defines the rule), a function (a static method of the rules class)
 * or a declared type (a class named as declared). Read from the executable model's generated rule definitions,
 * where each rule is built by a method that names it in a call to {@code D.rule(package, name)}.
 *
 * @param ruleOfClass the rule name of each class that holds a rule's code
 * @param rulesClasses the classes that hold rule definitions and the rubric's functions
 */
public record Origins(Map<String, String> ruleOfClass, List<String> rulesClasses) {

    private static final String DSL = "org/drools/modelcompiler/dsl/pattern/D";

    /** The origins of a compiled module's classes, by internal name. */
    public static Origins of(Map<String, byte[]> classes) {
        Map<String, String> ruleOf = new HashMap<>();
        List<String> rulesClasses = new ArrayList<>();
        List<ClassNode> nodes = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            ClassNode node = new ClassNode();
            new ClassReader(c.getValue()).accept(node, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
            nodes.add(node);
            if (node.interfaces.contains("org/drools/model/Model")) {
                rulesClasses.add(node.name);
            }
        }
        for (ClassNode node : nodes) {
            for (MethodNode m : node.methods) {
                String rule = null;
                String lastString = null;
                List<String> refs = new ArrayList<>();
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                        lastString = s;
                    } else if (insn instanceof MethodInsnNode call && call.owner.equals(DSL) && call.name.equals("rule")) {
                        rule = lastString;
                    } else if (insn instanceof FieldInsnNode f && classes.containsKey(f.owner)) {
                        refs.add(f.owner);
                    } else if (insn instanceof TypeInsnNode t && classes.containsKey(t.desc)) {
                        refs.add(t.desc);
                    } else if (insn instanceof InvokeDynamicInsnNode indy && indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle h) {
                        refs.add(h.getOwner() + "#" + h.getName());
                    }
                }
                if (rule != null) {
                    if (!rulesClasses.contains(node.name) && !node.name.contains("RuleMethods")) {
                        continue;
                    }
                    ruleOf.putIfAbsent(node.name + "#" + m.name, rule);
                    for (String r : refs) {
                        if (!r.contains("DomainClassesMetadata") && !r.equals(node.name) && !rulesClasses.contains(r)) {
                            ruleOf.putIfAbsent(r, rule);
                        }
                    }
                }
            }
        }
        return new Origins(Map.copyOf(ruleOf), List.copyOf(rulesClasses));
    }

    /** The rule whose code a class (or a lambda method of it) holds, or null. */
    public String ruleOf(String className, String methodName) {
        String rule = methodName == null ? null : ruleOfClass.get(className + "#" + methodName);
        return rule != null ? rule : ruleOfClass.get(className);
    }

    /** Whether a method of a class is one of the rubric's functions. */
    public boolean isFunction(String className, String methodName) {
        return methodName != null && rulesClasses.contains(className) && !methodName.startsWith("<") && !methodName.startsWith("get")
                && !methodName.startsWith("lambda$");
    }
}
