/**
 * Runs one subject through the compiled rules: a session per evaluation, the score sheet that records raw items
 * attributed to the firing rule, the two phases, and the firing, time and memory limits.
 */
package dev.rubric.engine.internal.session;
