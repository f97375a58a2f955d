/**
 * Results as a person reads them: the text explanation, the Markdown 考评结果通报 and the self-contained HTML page,
 * served as {@code ResultFormat}s.
 */
package dev.rubric.engine.internal.report;
